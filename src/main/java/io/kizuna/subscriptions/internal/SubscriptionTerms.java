package io.kizuna.subscriptions.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.kizuna.shared.Money;
import io.kizuna.subscriptions.BillingPeriod;
import io.kizuna.subscriptions.SubscriptionStatus;

/**
 * What a contract says: product and plan, seats, the price of one seat for one billing period, the
 * period, dates, renewal and status. MRR follows from it: seats × unit price × (1 − discount) spread
 * over the months the period covers, and only while the subscription is active.
 */
record SubscriptionTerms(String product, String plan, int quantity, BigDecimal unitPrice, Currency currency,
		BillingPeriod period, int termMonths, BigDecimal discountPercent, LocalDate startDate, LocalDate endDate,
		boolean autoRenew, SubscriptionStatus status, LocalDate cancelledOn, String cancellationReason,
		String externalId) {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	SubscriptionTerms {
		discountPercent = discountPercent == null ? BigDecimal.ZERO : discountPercent;
		termMonths = period == BillingPeriod.MULTI_YEAR ? termMonths : period.months(0);
	}

	int months() {
		return period.months(termMonths);
	}

	/** What the subscription would bring in per month if it were active. */
	Money contractedMrr() {
		BigDecimal perPeriod = unitPrice.multiply(BigDecimal.valueOf(quantity))
			.multiply(HUNDRED.subtract(discountPercent))
			.divide(HUNDRED);
		return new Money(perPeriod, currency).dividedBy(months());
	}

	Money mrr() {
		return status.paying() ? contractedMrr() : Money.zero(currency);
	}

	/** The same contract, renewed for one more period from its current end date. */
	SubscriptionTerms renewed() {
		return new SubscriptionTerms(product, plan, quantity, unitPrice, currency, period, termMonths, discountPercent,
				startDate, endDate.plusMonths(months()), autoRenew, status, cancelledOn, cancellationReason, externalId);
	}

	SubscriptionTerms withQuantity(int seats) {
		return new SubscriptionTerms(product, plan, seats, unitPrice, currency, period, termMonths, discountPercent,
				startDate, endDate, autoRenew, status, cancelledOn, cancellationReason, externalId);
	}

	SubscriptionTerms withEndDate(LocalDate end) {
		return new SubscriptionTerms(product, plan, quantity, unitPrice, currency, period, termMonths, discountPercent,
				startDate, end, autoRenew, status, cancelledOn, cancellationReason, externalId);
	}

	SubscriptionTerms withStatus(SubscriptionStatus newStatus, LocalDate cancelled, String reason) {
		return new SubscriptionTerms(product, plan, quantity, unitPrice, currency, period, termMonths, discountPercent,
				startDate, endDate, newStatus != SubscriptionStatus.CANCELLED && newStatus != SubscriptionStatus.EXPIRED,
				newStatus, cancelled, reason, externalId);
	}

	SubscriptionTerms expired() {
		return new SubscriptionTerms(product, plan, quantity, unitPrice, currency, period, termMonths, discountPercent,
				startDate, endDate, autoRenew, SubscriptionStatus.EXPIRED, cancelledOn, cancellationReason, externalId);
	}

	/** The names of the terms that differ, as the keys of their labels. */
	List<String> changedFrom(SubscriptionTerms before) {
		Map<String, Object[]> pairs = new LinkedHashMap<>();
		pairs.put("product", new Object[] { before.product, product });
		pairs.put("plan", new Object[] { before.plan, plan });
		pairs.put("quantity", new Object[] { before.quantity, quantity });
		pairs.put("unitPrice", new Object[] { before.unitPrice.stripTrailingZeros(), unitPrice.stripTrailingZeros() });
		pairs.put("currency", new Object[] { before.currency, currency });
		pairs.put("period", new Object[] { before.period, period });
		pairs.put("termMonths", new Object[] { before.termMonths, termMonths });
		pairs.put("discount", new Object[] { before.discountPercent.stripTrailingZeros(), discountPercent.stripTrailingZeros() });
		pairs.put("startDate", new Object[] { before.startDate, startDate });
		pairs.put("endDate", new Object[] { before.endDate, endDate });
		pairs.put("autoRenew", new Object[] { before.autoRenew, autoRenew });
		pairs.put("status", new Object[] { before.status, status });
		pairs.put("cancelledOn", new Object[] { before.cancelledOn, cancelledOn });
		pairs.put("cancellationReason", new Object[] { before.cancellationReason, cancellationReason });
		pairs.put("externalId", new Object[] { before.externalId, externalId });
		List<String> changed = new ArrayList<>();
		pairs.forEach((field, values) -> {
			if (!Objects.equals(values[0], values[1])) {
				changed.add(field);
			}
		});
		return changed;
	}
}
