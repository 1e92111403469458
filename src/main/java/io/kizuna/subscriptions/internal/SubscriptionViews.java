package io.kizuna.subscriptions.internal;

import java.util.List;
import java.util.Objects;

import io.kizuna.identity.UserDirectory;
import io.kizuna.shared.Money;
import io.kizuna.subscriptions.CurrencyRates;

import org.springframework.stereotype.Component;

@Component
class SubscriptionViews {

	private final CurrencyRates rates;

	private final UserDirectory directory;

	SubscriptionViews(CurrencyRates rates, UserDirectory directory) {
		this.rates = rates;
		this.directory = directory;
	}

	SubscriptionView of(Subscription s) {
		SubscriptionTerms t = s.terms();
		Money mrr = t.mrr();
		return new SubscriptionView(s.id().toString(), s.accountId().toString(), t.externalId(), t.product(), t.plan(),
				t.quantity(), new Money(t.unitPrice(), t.currency()), t.period(), t.termMonths(),
				t.discountPercent().stripTrailingZeros(), t.startDate(), t.endDate(), t.autoRenew(), t.status(),
				t.cancelledOn(), t.cancellationReason(), mrr, rates.toReporting(mrr), s.updatedAt(), s.version());
	}

	List<SubscriptionView.ChangeView> of(List<SubscriptionHistory.Change> changes) {
		var names = directory.names(changes.stream().map(SubscriptionHistory.Change::recordedBy)
			.filter(Objects::nonNull)
			.distinct()
			.toList());
		return changes.stream()
			.map(c -> new SubscriptionView.ChangeView(c.kind(), c.effectiveDate(), c.recordedAt(),
					c.recordedBy() == null ? null : names.get(c.recordedBy()), c.fields(), c.mrrBefore(), c.mrrAfter(),
					c.terms().status(), c.terms().quantity()))
			.toList();
	}
}
