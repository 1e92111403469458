package io.kizuna.subscriptions.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.kizuna.shared.Money;
import io.kizuna.subscriptions.BillingPeriod;
import io.kizuna.subscriptions.SubscriptionChanged;
import io.kizuna.subscriptions.SubscriptionStatus;

/** A subscription as pages and the API show it, with MRR in its currency and the reporting currency. */
public record SubscriptionView(String id, String accountId, String externalId, String product, String plan,
		int quantity, Money unitPrice, BillingPeriod period, int termMonths, BigDecimal discountPercent,
		LocalDate startDate, LocalDate endDate, boolean autoRenew, SubscriptionStatus status, LocalDate cancelledOn,
		String cancellationReason, Money mrr, Money mrrReporting, Instant updatedAt, int version) {

	/** One entry of a subscription's history, with the person's name resolved. */
	public record ChangeView(SubscriptionChanged.Kind kind, LocalDate effectiveDate, Instant recordedAt,
			String recordedBy, List<String> fields, Money mrrBefore, Money mrrAfter, SubscriptionStatus status,
			int quantity) {

		public boolean mrrChanged() {
			return mrrBefore.compareTo(mrrAfter) != 0;
		}
	}
}
