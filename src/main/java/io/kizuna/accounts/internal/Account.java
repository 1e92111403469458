package io.kizuna.accounts.internal;

import java.time.Instant;

import io.kizuna.accounts.AccountId;

/**
 * A customer company. The version counts edits so that two people saving the same account at once
 * cannot silently overwrite each other: the second save is refused and asked to reload.
 */
record Account(AccountId id, AccountDetails details, Instant createdAt, Instant updatedAt, int version) {

	Account edited(AccountDetails newDetails, Instant now) {
		return new Account(id, newDetails, createdAt, now, version + 1);
	}
}
