package io.kizuna.accounts.internal;

import java.time.Instant;

import io.kizuna.accounts.AccountId;
import io.kizuna.accounts.AccountRevenue;

/**
 * A customer company. The version counts edits so that two people saving the same account at once
 * cannot silently overwrite each other: the second save is refused and asked to reload. The revenue
 * is what its subscriptions last reported; editing the account never changes it.
 */
record Account(AccountId id, AccountDetails details, Instant createdAt, Instant updatedAt, int version,
		AccountRevenue revenue) {

	Account {
		revenue = revenue == null ? AccountRevenue.NONE : revenue;
	}

	Account edited(AccountDetails newDetails, Instant now) {
		return new Account(id, newDetails, createdAt, now, version + 1, revenue);
	}

	Account withDetails(AccountDetails newDetails) {
		return new Account(id, newDetails, createdAt, updatedAt, version, revenue);
	}
}
