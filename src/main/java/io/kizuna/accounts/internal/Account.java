package io.kizuna.accounts.internal;

import java.time.Instant;

import io.kizuna.accounts.AccountId;
import io.kizuna.accounts.AccountRecords;
import io.kizuna.accounts.AccountRevenue;

/**
 * A customer company. The version counts edits so that two people saving the same account at once
 * cannot silently overwrite each other: the second save is refused and asked to reload. The revenue
 * is what its subscriptions last reported; editing the account never changes it.
 */
record Account(AccountId id, AccountDetails details, Instant createdAt, Instant updatedAt, int version,
		AccountRevenue revenue, AccountRecords.AccountHealth health) {

	static final AccountRecords.AccountHealth NO_HEALTH = new AccountRecords.AccountHealth(null, null, null, null);

	Account {
		revenue = revenue == null ? AccountRevenue.NONE : revenue;
		health = health == null ? NO_HEALTH : health;
	}

	Account(AccountId id, AccountDetails details, Instant createdAt, Instant updatedAt, int version,
			AccountRevenue revenue) {
		this(id, details, createdAt, updatedAt, version, revenue, NO_HEALTH);
	}

	Account withHealth(AccountRecords.AccountHealth newHealth) {
		return new Account(id, details, createdAt, updatedAt, version, revenue, newHealth);
	}

	Account edited(AccountDetails newDetails, Instant now) {
		return new Account(id, newDetails, createdAt, now, version + 1, revenue, health);
	}

	Account withDetails(AccountDetails newDetails) {
		return new Account(id, newDetails, createdAt, updatedAt, version, revenue, health);
	}
}
