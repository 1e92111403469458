package io.kizuna.subscriptions.internal;

import java.math.BigDecimal;

import io.kizuna.shared.BusinessRuleViolation;
import io.kizuna.shared.Money;
import io.kizuna.subscriptions.BillingPeriod;
import io.kizuna.subscriptions.CurrencyRates;
import io.kizuna.subscriptions.SubscriptionStatus;

/**
 * The rules a subscription's terms must keep, beyond what Bean Validation checks field by field: they
 * span fields (dates in order, a cancellation date for a cancelled contract) or need configuration
 * (supported currencies).
 */
final class SubscriptionRules {

	private SubscriptionRules() {
	}

	static SubscriptionTerms check(SubscriptionTerms terms, CurrencyRates rates) {
		if (!rates.supports(terms.currency())) {
			throw new BusinessRuleViolation("subscription.currency.unsupported", terms.currency().getCurrencyCode());
		}
		if (!Money.fitsCurrency(terms.unitPrice(), terms.currency())) {
			throw new BusinessRuleViolation("subscription.unitPrice.digits", terms.currency().getCurrencyCode(),
					Math.max(0, terms.currency().getDefaultFractionDigits()));
		}
		if (terms.unitPrice().signum() < 0) {
			throw new BusinessRuleViolation("subscription.unitPrice.negative");
		}
		if (terms.discountPercent().signum() < 0 || terms.discountPercent().compareTo(BigDecimal.valueOf(100)) > 0) {
			throw new BusinessRuleViolation("subscription.discount.range");
		}
		if (terms.period() == BillingPeriod.MULTI_YEAR && terms.termMonths() < 24) {
			throw new BusinessRuleViolation("subscription.termMonths.multiYear");
		}
		if (terms.endDate() != null && !terms.endDate().isAfter(terms.startDate())) {
			throw new BusinessRuleViolation("subscription.endDate.beforeStart");
		}
		if (terms.status() == SubscriptionStatus.CANCELLED && terms.cancelledOn() == null) {
			throw new BusinessRuleViolation("subscription.cancelledOn.required");
		}
		if (terms.cancelledOn() != null && terms.status() != SubscriptionStatus.CANCELLED) {
			throw new BusinessRuleViolation("subscription.cancelledOn.onlyCancelled");
		}
		if (terms.autoRenew() && terms.endDate() == null) {
			throw new BusinessRuleViolation("subscription.endDate.autoRenew");
		}
		return terms;
	}
}
