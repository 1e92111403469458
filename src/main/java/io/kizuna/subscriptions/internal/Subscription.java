package io.kizuna.subscriptions.internal;

import java.time.Instant;

import io.kizuna.accounts.AccountId;
import io.kizuna.subscriptions.SubscriptionId;

/** A contract of one account; the version guards against two people editing it at once. */
record Subscription(SubscriptionId id, AccountId accountId, SubscriptionTerms terms, Instant createdAt,
		Instant updatedAt, int version) {

	Subscription changed(SubscriptionTerms newTerms, Instant now) {
		return new Subscription(id, accountId, newTerms, createdAt, now, version + 1);
	}
}
