package io.kizuna.accounts;

import java.time.Instant;
import java.util.List;

import io.kizuna.identity.UserId;

/**
 * The demo company has written a batch of accounts. Other modules listen and add their part of the
 * same story (subscriptions, activities, later usage and tickets), seeded from {@code seed} and each
 * account's {@code index} so that the same seed always tells the same story.
 */
public record DemoAccountsCreated(long seed, Instant now, List<DemoAccount> accounts) {

	/** What the other modules need to know of a demo account to make its story plausible. */
	public record DemoAccount(AccountId id, int index, LifecycleStage stage, Integer employees, String plan,
			String country, UserId owner, Instant createdAt) {
	}
}
