package io.kizuna.activities.internal;

import java.time.Instant;
import java.util.UUID;

import io.kizuna.accounts.AccountId;
import io.kizuna.identity.Role;
import io.kizuna.identity.SignedInUser;
import io.kizuna.identity.UserId;

/** Something that happened with a customer, written down by a colleague. */
record Activity(UUID id, AccountId accountId, ActivityDetails details, UserId author, Instant createdAt,
		Instant updatedAt, int version) {

	/** The author keeps their own words; an admin may clean up anyone's. */
	boolean editableBy(SignedInUser person) {
		return person.id().equals(author) || person.roles().contains(Role.ADMIN);
	}

	Activity edited(ActivityDetails newDetails, Instant now) {
		return new Activity(id, accountId, newDetails, author, createdAt, now, version + 1);
	}
}
