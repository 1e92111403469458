package io.kizuna.subscriptions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Map;

import io.kizuna.shared.BusinessRuleViolation;
import io.kizuna.shared.Money;
import io.kizuna.subscriptions.BillingPeriod;
import io.kizuna.subscriptions.CurrencyRates;
import io.kizuna.subscriptions.SubscriptionStatus;

import org.junit.jupiter.api.Test;

class SubscriptionTermsTests {

	private static final LocalDate START = LocalDate.of(2026, 4, 1);

	static SubscriptionTerms terms(int seats, String unitPrice, String currency, BillingPeriod period, int termMonths,
			String discount, SubscriptionStatus status) {
		return new SubscriptionTerms("Kizuna", "Pro", seats, new BigDecimal(unitPrice), Currency.getInstance(currency),
				period, termMonths, discount == null ? null : new BigDecimal(discount), START,
				START.plusMonths(period.months(termMonths)), true, status, null, null, null);
	}

	private static CurrencyRates rates() {
		CurrencyRates rates = new CurrencyRates();
		rates.setRates(Map.of("USD", new BigDecimal("150.25"), "EUR", new BigDecimal("160")));
		return rates;
	}

	@Test
	void mrrSpreadsThePriceOfOnePeriodOverItsMonths() {
		assertThat(terms(10, "3000", "JPY", BillingPeriod.MONTHLY, 0, null, SubscriptionStatus.ACTIVE).mrr())
			.isEqualTo(Money.of("30000", "JPY"));
		assertThat(terms(10, "9000", "JPY", BillingPeriod.QUARTERLY, 0, null, SubscriptionStatus.ACTIVE).mrr())
			.isEqualTo(Money.of("30000", "JPY"));
		assertThat(terms(1, "1200000", "JPY", BillingPeriod.ANNUAL, 0, null, SubscriptionStatus.ACTIVE).mrr())
			.isEqualTo(Money.of("100000", "JPY"));
		assertThat(terms(1, "3600000", "JPY", BillingPeriod.MULTI_YEAR, 36, null, SubscriptionStatus.ACTIVE).mrr())
			.isEqualTo(Money.of("100000", "JPY"));
	}

	@Test
	void mrrIsExactWhereFloatingPointWouldDrift() {
		// 0.1 + 0.2 style: 3 seats at $33.33 a year is $8.3325 a month, kept to the hundredth of a cent.
		Money mrr = terms(3, "33.33", "USD", BillingPeriod.ANNUAL, 0, null, SubscriptionStatus.ACTIVE).mrr();
		assertThat(mrr.amount()).isEqualByComparingTo("8.3325");
		Money sum = Money.zero(Currency.getInstance("USD"));
		for (int i = 0; i < 12; i++) {
			sum = sum.plus(mrr);
		}
		assertThat(sum.amount()).isEqualByComparingTo("99.99");
	}

	@Test
	void theDiscountIsSubtracted() {
		assertThat(terms(20, "5000", "JPY", BillingPeriod.MONTHLY, 0, "15", SubscriptionStatus.ACTIVE).mrr())
			.isEqualTo(Money.of("85000", "JPY"));
	}

	@Test
	void onlyActiveSubscriptionsAreRevenue() {
		for (SubscriptionStatus status : new SubscriptionStatus[] { SubscriptionStatus.TRIAL,
				SubscriptionStatus.CANCELLED, SubscriptionStatus.EXPIRED }) {
			assertThat(terms(10, "3000", "JPY", BillingPeriod.MONTHLY, 0, null, status).mrr().isZero()).as("%s", status)
				.isTrue();
		}
	}

	@Test
	void reportingConvertsAtTheConfiguredRate() {
		assertThat(rates().toReporting(Money.of("100.00", "USD"))).isEqualTo(Money.of("15025", "JPY"));
		assertThat(rates().toReporting(Money.of("5000", "JPY"))).isEqualTo(Money.of("5000", "JPY"));
	}

	@Test
	void aRenewalRunsOnForOnePeriodFromTheEndDate() {
		SubscriptionTerms annual = terms(5, "120000", "JPY", BillingPeriod.ANNUAL, 0, null, SubscriptionStatus.ACTIVE);
		assertThat(annual.renewed().endDate()).isEqualTo(LocalDate.of(2028, 4, 1));
		assertThat(annual.renewed().changedFrom(annual)).containsExactly("endDate");
		assertThat(annual.expired().status()).isEqualTo(SubscriptionStatus.EXPIRED);
	}

	@Test
	void changedFromNamesExactlyTheTermsThatDiffer() {
		SubscriptionTerms before = terms(10, "3000", "JPY", BillingPeriod.MONTHLY, 0, null, SubscriptionStatus.ACTIVE);
		SubscriptionTerms after = terms(12, "3000.00", "JPY", BillingPeriod.MONTHLY, 0, "0", SubscriptionStatus.ACTIVE);
		assertThat(after.changedFrom(before)).containsExactly("quantity");
	}

	@Test
	void rulesRefuseWhatCannotBeBilled() {
		CurrencyRates rates = rates();
		assertRefused(terms(1, "100.5", "JPY", BillingPeriod.MONTHLY, 0, null, SubscriptionStatus.ACTIVE), rates,
				"subscription.unitPrice.digits");
		assertRefused(terms(1, "100", "GBP", BillingPeriod.MONTHLY, 0, null, SubscriptionStatus.ACTIVE), rates,
				"subscription.currency.unsupported");
		assertRefused(terms(1, "100", "JPY", BillingPeriod.MULTI_YEAR, 12, null, SubscriptionStatus.ACTIVE), rates,
				"subscription.termMonths.multiYear");
		assertRefused(terms(1, "100", "JPY", BillingPeriod.MONTHLY, 0, "120", SubscriptionStatus.ACTIVE), rates,
				"subscription.discount.range");
		assertRefused(terms(1, "100", "JPY", BillingPeriod.MONTHLY, 0, null, SubscriptionStatus.CANCELLED), rates,
				"subscription.cancelledOn.required");
		SubscriptionTerms backwards = new SubscriptionTerms("Kizuna", null, 1, BigDecimal.TEN,
				Currency.getInstance("JPY"), BillingPeriod.MONTHLY, 0, null, START, START.minusDays(1), false,
				SubscriptionStatus.ACTIVE, null, null, null);
		assertRefused(backwards, rates, "subscription.endDate.beforeStart");
		assertThat(SubscriptionRules.check(terms(1, "19.99", "USD", BillingPeriod.MONTHLY, 0, null,
				SubscriptionStatus.ACTIVE), rates)).isNotNull();
	}

	private static void assertRefused(SubscriptionTerms terms, CurrencyRates rates, String messageKey) {
		assertThatThrownBy(() -> SubscriptionRules.check(terms, rates)).isInstanceOf(BusinessRuleViolation.class)
			.extracting("messageKey")
			.isEqualTo(messageKey);
	}
}
