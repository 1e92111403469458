package io.kizuna.health.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import io.kizuna.accounts.AccountId;
import io.kizuna.shared.Money;
import io.kizuna.subscriptions.SubscriptionChanged;
import io.kizuna.subscriptions.SubscriptionHistories.RecordedChange;
import io.kizuna.subscriptions.SubscriptionId;
import io.kizuna.subscriptions.SubscriptionStatus;

import org.junit.jupiter.api.Test;

class RevenueLineTests {

	static final AccountId ACCOUNT = AccountId.random();

	static final LocalDate JAN = LocalDate.of(2026, 1, 1);

	final List<RecordedChange> changes = new ArrayList<>();

	int recorded;

	void change(SubscriptionId id, SubscriptionChanged.Kind kind, LocalDate effective, int mrr, SubscriptionStatus status) {
		changes.add(new RecordedChange(id, ACCOUNT, kind, effective, Instant.EPOCH.plusSeconds(recorded++), "Kizuna", "Pro",
				10, status, null, null, new Money(BigDecimal.valueOf(mrr), Currency.getInstance("JPY"))));
	}

	@Test
	void churnContractionAndStayingAreToldApartWithinTheWindow() {
		SubscriptionId main = SubscriptionId.random();
		change(main, SubscriptionChanged.Kind.CREATED, JAN, 100_000, SubscriptionStatus.ACTIVE);
		change(main, SubscriptionChanged.Kind.CHANGED, JAN.plusDays(60), 80_000, SubscriptionStatus.ACTIVE);
		change(main, SubscriptionChanged.Kind.CHANGED, JAN.plusDays(200), 0, SubscriptionStatus.CANCELLED);
		RevenueLine line = new RevenueLine(changes);

		assertThat(line.mrr(JAN.minusDays(1))).isEqualByComparingTo("0");
		assertThat(line.after(JAN.minusDays(1), 30)).isEqualTo(RevenueLine.Outcome.NOT_PAYING);
		assertThat(line.after(JAN, 30)).isEqualTo(RevenueLine.Outcome.STAYED);
		assertThat(line.after(JAN, 90)).isEqualTo(RevenueLine.Outcome.CONTRACTED);
		assertThat(line.after(JAN.plusDays(100), 90)).isEqualTo(RevenueLine.Outcome.STAYED);
		assertThat(line.after(JAN.plusDays(150), 90)).isEqualTo(RevenueLine.Outcome.CHURNED);
	}

	@Test
	void aBackDatedCorrectionReplacesWhatWasSaidOfLaterDatesAndDeletedSubscriptionsNeverCount() {
		SubscriptionId main = SubscriptionId.random();
		change(main, SubscriptionChanged.Kind.CREATED, JAN, 100_000, SubscriptionStatus.ACTIVE);
		change(main, SubscriptionChanged.Kind.CHANGED, JAN.plusDays(60), 50_000, SubscriptionStatus.ACTIVE);
		// Recorded later, effective earlier: from day 30 on it is 120,000, the day-60 cut no longer stands.
		change(main, SubscriptionChanged.Kind.CHANGED, JAN.plusDays(30), 120_000, SubscriptionStatus.ACTIVE);
		SubscriptionId mistake = SubscriptionId.random();
		change(mistake, SubscriptionChanged.Kind.CREATED, JAN, 999_000, SubscriptionStatus.ACTIVE);
		change(mistake, SubscriptionChanged.Kind.DELETED, JAN, 999_000, SubscriptionStatus.ACTIVE);
		RevenueLine line = new RevenueLine(changes);

		assertThat(line.mrr(JAN.plusDays(90))).isEqualByComparingTo("120000");
		assertThat(line.after(JAN.plusDays(31), 120)).isEqualTo(RevenueLine.Outcome.STAYED);
	}

	@Test
	void billingReadsSeatsStateAndFirstPaidDay() {
		SubscriptionId trial = SubscriptionId.random();
		change(trial, SubscriptionChanged.Kind.CREATED, JAN, 0, SubscriptionStatus.TRIAL);
		assertThat(BillingSignals.of(changes).state()).isEqualTo(Signals.BillingState.TRIAL);
		change(trial, SubscriptionChanged.Kind.CHANGED, JAN.plusDays(14), 100_000, SubscriptionStatus.ACTIVE);
		Signals.Billing paying = BillingSignals.of(changes);
		assertThat(paying.state()).isEqualTo(Signals.BillingState.PAYING);
		assertThat(paying.seats()).isEqualTo(10);
		assertThat(paying.customerSince()).isEqualTo(JAN.plusDays(14));
		changes.add(new RecordedChange(trial, ACCOUNT, SubscriptionChanged.Kind.CHANGED, JAN.plusDays(40), Instant.now(),
				"Kizuna", "Pro", 10, SubscriptionStatus.ACTIVE, JAN.plusDays(365), JAN.plusDays(40),
				new Money(BigDecimal.valueOf(100_000), Currency.getInstance("JPY"))));
		assertThat(BillingSignals.of(changes).state()).isEqualTo(Signals.BillingState.CANCELLING);
	}
}
