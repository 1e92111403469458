package io.kizuna.subscriptions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.kizuna.accounts.AccountId;
import io.kizuna.identity.UserId;
import io.kizuna.shared.Money;

/**
 * A subscription was added, changed (terms, status, renewal) or deleted, with its MRR before and after
 * in its own currency. {@code fields} names what changed (keys of {@code subscription.*} labels).
 */
public record SubscriptionChanged(SubscriptionId subscriptionId, AccountId accountId, Kind kind, String product,
		List<String> fields, Money mrrBefore, Money mrrAfter, LocalDate effectiveDate, UserId by, Instant at) {

	public enum Kind {
		CREATED, CHANGED, RENEWED, DELETED
	}
}
