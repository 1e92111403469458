package io.kizuna.subscriptions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import io.kizuna.accounts.AccountId;
import io.kizuna.shared.Money;

/**
 * The recorded history of every subscription, for modules that derive revenue figures from it (MRR
 * movements, churn, retention). Read-only: changes go through the subscriptions' own pages and API.
 */
public interface SubscriptionHistories {

	/** One change as it was recorded: the terms that matter for revenue after it, and its MRR after it. */
	record RecordedChange(SubscriptionId subscription, AccountId account, SubscriptionChanged.Kind kind,
			LocalDate effectiveDate, Instant recordedAt, String product, String plan, int quantity,
			SubscriptionStatus status, LocalDate endDate, LocalDate cancelledOn, Money mrrAfter) {
	}

	/** Every recorded change, grouped by account (all of one account's changes arrive together). */
	void forEachAccount(Consumer<List<RecordedChange>> accountChanges);

	/** The changes of one account's subscriptions, in the order they were recorded. */
	List<RecordedChange> ofAccount(AccountId account);

	/** The same for many accounts in a few queries (imports, demo data), grouped by account. */
	java.util.Map<AccountId, List<RecordedChange>> ofAccounts(java.util.Collection<AccountId> accounts);
}
