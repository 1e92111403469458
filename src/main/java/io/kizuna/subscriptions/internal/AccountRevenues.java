package io.kizuna.subscriptions.internal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import io.kizuna.accounts.AccountRevenue;
import io.kizuna.shared.Money;
import io.kizuna.subscriptions.CurrencyRates;

/**
 * What an account's subscriptions add up to: MRR over the active ones (in the account's currency and
 * the reporting currency) and the nearest end date among them, its next renewal.
 */
final class AccountRevenues {

	private AccountRevenues() {
	}

	static AccountRevenue of(List<SubscriptionTerms> subscriptions, CurrencyRates rates) {
		List<SubscriptionTerms> active = subscriptions.stream().filter(t -> t.status().paying()).toList();
		if (active.isEmpty()) {
			return AccountRevenue.NONE;
		}
		Money mrr = active.stream().map(SubscriptionTerms::mrr).reduce(Money::plus).orElseThrow();
		LocalDate renewal = active.stream()
			.map(SubscriptionTerms::endDate)
			.filter(Objects::nonNull)
			.min(Comparator.naturalOrder())
			.orElse(null);
		return new AccountRevenue(mrr, rates.toReporting(mrr), renewal);
	}
}
