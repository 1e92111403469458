package io.kizuna.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.kizuna.subscriptions.CurrencyRates;
import io.kizuna.subscriptions.SubscriptionId;

import org.junit.jupiter.api.Test;

/**
 * Hand-worked examples, after ChartMogul's "MRR movements" walk-through (Syncalytics) and its churn and
 * retention definitions, plus properties that must hold for any history.
 */
class MetricsCalculationTests {

	static final CurrencyRates USD = HistoryFixture.rates("USD");

	static final MetricsSettings AT_CANCELLATION = MetricsSettings.defaults();

	static final MetricsSettings AT_PERIOD_END = new MetricsSettings(MetricsSettings.ChurnAt.PERIOD_END, 0,
			new BigDecimal("0.8"), 12, 12, 36, 0.10);

	static int month(String yearMonth) {
		return AccountMrr.month(java.time.YearMonth.parse(yearMonth).atDay(1));
	}

	/** $ to ten-thousandths. */
	static long usd(String amount) {
		return new BigDecimal(amount).movePointRight(4).longValueExact();
	}

	/** Four Gold seats a year ($2,000), two Silver monthly seats added and dropped, the rest cancelled, and back. */
	static HistoryFixture syncalytics() {
		HistoryFixture history = new HistoryFixture("USD");
		SubscriptionId gold = history.start("Kizuna", "2025-01-05", "166.6667");
		SubscriptionId silver = history.start("Kizuna", "2025-01-10", "60");
		history.cancel(silver, "Kizuna", "2025-01-24", "2025-02-10");
		history.cancel(gold, "Kizuna", "2025-12-01", "2026-01-05");
		history.start("Kizuna", "2026-03-01", "150");
		return history;
	}

	@Test
	void classifiesEachChangeOfTheWalkThrough() {
		AccountMrr mrr = syncalytics().mrr(AT_CANCELLATION, USD);

		assertThat(mrr.movements).containsExactly(Movement.NEW, Movement.EXPANSION, Movement.CONTRACTION,
				Movement.CHURN, Movement.REACTIVATION);
		assertThat(mrr.amounts).containsExactly(usd("166.6667"), usd("60"), usd("60"), usd("166.6667"), usd("150"));
		assertThat(mrr.mrrAfter).containsExactly(usd("166.6667"), usd("226.6667"), usd("166.6667"), 0L, usd("150"));
	}

	@Test
	void churnAtTheEndOfThePaidPeriodMovesTheChurnToThatDay() {
		AccountMrr mrr = syncalytics().mrr(AT_PERIOD_END, USD);

		assertThat(mrr.months[3]).isEqualTo(month("2026-01"));
		assertThat(mrr.movements[3]).isEqualTo(Movement.CHURN);
		// The Silver seats were paid until 10 February; with the Gold contract still running that is contraction.
		assertThat(mrr.months[2]).isEqualTo(month("2025-02"));
		assertThat(mrr.movements[2]).isEqualTo(Movement.CONTRACTION);
	}

	@Test
	void monthlyMovementsOfTheWalkThrough() {
		MetricsReport report = MetricsCalculation.compute(List.of(syncalytics().mrr(AT_CANCELLATION, USD)),
				month("2025-01"), month("2026-03"), AT_CANCELLATION);

		MetricsReport.Month january = report.months().get(0);
		assertThat(january.startMrr()).isZero();
		assertThat(january.movement(Movement.NEW)).isEqualTo(usd("166.6667"));
		assertThat(january.movement(Movement.EXPANSION)).isEqualTo(usd("60"));
		assertThat(january.movement(Movement.CONTRACTION)).isEqualTo(usd("60"));
		assertThat(january.endMrr()).isEqualTo(usd("166.6667"));
		assertThat(january.customersEnd()).isEqualTo(1);
		assertThat(january.upsoldCustomers()).isEqualTo(1);

		MetricsReport.Month december = report.months().get(11);
		assertThat(december.count(Movement.CHURN)).isEqualTo(1);
		assertThat(december.customersStart()).isEqualTo(1);
		assertThat(december.customersEnd()).isZero();

		MetricsReport.Month march = report.months().get(14);
		assertThat(march.movement(Movement.REACTIVATION)).isEqualTo(usd("150"));
		assertThat(march.count(Movement.NEW)).isZero();
	}

	@Test
	void aReturnAfterTheReactivationWindowIsNewBusinessAgain() {
		MetricsSettings threeMonths = new MetricsSettings(MetricsSettings.ChurnAt.CANCELLATION, 3, BigDecimal.ONE, 12,
				12, 36, 0.1);

		AccountMrr mrr = syncalytics().mrr(threeMonths, USD);

		assertThat(mrr.movements[4]).isEqualTo(Movement.REACTIVATION); // back three months later: 1 Dec → 1 Mar is 3 months
		AccountMrr strict = syncalytics().mrr(new MetricsSettings(MetricsSettings.ChurnAt.CANCELLATION, 2,
				BigDecimal.ONE, 12, 12, 36, 0.1), USD);
		assertThat(strict.movements[4]).isEqualTo(Movement.NEW);
	}

	@Test
	void aProductTheAccountDidNotHaveIsCrossSellMoreOfTheSameIsUpsell() {
		HistoryFixture history = new HistoryFixture("USD");
		SubscriptionId cloud = history.start("Kizuna Cloud", "2025-01-01", "100");
		history.change(cloud, "Kizuna Cloud", "2025-02-01", "150");
		history.start("Kizuna Guides", "2025-03-01", "40");

		AccountMrr mrr = history.mrr(AT_CANCELLATION, USD);

		assertThat(mrr.movements).containsExactly(Movement.NEW, Movement.EXPANSION, Movement.EXPANSION);
		assertThat(mrr.crossSell).containsExactly(false, false, true);
	}

	@Test
	void aPlanSwitchOnOneDayIsOneMovementNotChurnAndNew() {
		HistoryFixture history = new HistoryFixture("USD");
		SubscriptionId starter = history.start("Kizuna", "2025-01-01", "100");
		history.cancel(starter, "Kizuna", "2025-04-01", null);
		history.start("Kizuna", "2025-04-01", "250");

		assertThat(history.mrr(AT_CANCELLATION, USD).movements).containsExactly(Movement.NEW, Movement.EXPANSION);
	}

	@Test
	void aDeletedSubscriptionNeverCounted() {
		HistoryFixture history = new HistoryFixture("USD");
		SubscriptionId mistake = history.start("Kizuna", "2025-01-01", "100");
		history.delete(mistake, "Kizuna", "2025-01-03");

		assertThat(history.mrr(AT_CANCELLATION, USD).size()).isZero();
	}

	@Test
	void aBackdatedCorrectionReplacesWhatLaterDatesSaid() {
		HistoryFixture history = new HistoryFixture("USD");
		SubscriptionId id = history.start("Kizuna", "2025-01-01", "100");
		history.change(id, "Kizuna", "2025-03-01", "200");
		history.change(id, "Kizuna", "2025-02-01", "150"); // recorded last, effective earlier

		AccountMrr mrr = history.mrr(AT_CANCELLATION, USD);

		assertThat(mrr.mrrAtEndOf(month("2025-04"))).isEqualTo(usd("150"));
		assertThat(mrr.mrrAfter).containsExactly(usd("100"), usd("150"));
	}

	@Test
	void otherCurrenciesCountAtTheConfiguredRate() {
		HistoryFixture history = new HistoryFixture("USD");
		history.start("Kizuna", "2025-01-01", "99.99");

		AccountMrr mrr = history.mrr(AT_CANCELLATION, HistoryFixture.rates("JPY", "USD", "150.5"));

		assertThat(mrr.mrrAfter[0]).isEqualTo(new BigDecimal("15048.495").movePointRight(4).longValueExact());
	}

	@Test
	void grossAndNetRevenueRetentionOfAHandWorkedCohort() {
		// Paying at the end of December 2023: X 100, Y 200, Z 100. A year later X pays 150, Y 50, Z left; W is new.
		HistoryFixture x = new HistoryFixture("USD");
		x.change(x.start("Kizuna", "2023-11-01", "100"), "Kizuna", "2024-06-01", "150");
		HistoryFixture y = new HistoryFixture("USD");
		y.change(y.start("Kizuna", "2023-11-15", "200"), "Kizuna", "2024-08-01", "50");
		HistoryFixture z = new HistoryFixture("USD");
		z.cancel(z.start("Kizuna", "2023-12-01", "100"), "Kizuna", "2024-10-01", null);
		HistoryFixture w = new HistoryFixture("USD");
		w.start("Kizuna", "2024-05-01", "300");
		List<AccountMrr> accounts = List.of(x.mrr(AT_CANCELLATION, USD), y.mrr(AT_CANCELLATION, USD),
				z.mrr(AT_CANCELLATION, USD), w.mrr(AT_CANCELLATION, USD));

		MetricsReport report = MetricsCalculation.compute(accounts, month("2024-01"), month("2024-12"), AT_CANCELLATION);

		MetricsReport.Month december = report.months().get(11);
		assertThat(december.retentionBase()).isEqualTo(usd("400"));
		assertThat(december.retainedCapped()).isEqualTo(usd("150")); // GRR 37.5 %
		assertThat(december.retainedNet()).isEqualTo(usd("200")); // NRR 50 %
		MetricsFigures figures = new MetricsFigures(report, AT_CANCELLATION);
		assertThat(figures.grr(11)).isEqualByComparingTo("0.375");
		assertThat(figures.nrr(11)).isEqualByComparingTo("0.5");
		// Over the whole year: 3 customers at the start, 1 lost.
		assertThat(figures.logoChurnRate(0, 11)).isEqualByComparingTo(new BigDecimal("0.333333"));
	}

	@Test
	void movementsAlwaysReconcileAndGrossRetentionNeverExceedsNetOrOne() {
		Random random = new Random(20261123);
		for (int round = 0; round < 200; round++) {
			List<AccountMrr> accounts = new ArrayList<>();
			for (int a = 0; a < 20; a++) {
				accounts.add(randomHistory(random).mrr(random.nextBoolean() ? AT_CANCELLATION : AT_PERIOD_END, USD));
			}
			MetricsReport report = MetricsCalculation.compute(accounts, month("2024-01"), month("2026-06"),
					AT_CANCELLATION);
			long previousEnd = -1;
			for (MetricsReport.Month m : report.months()) {
				long moved = 0;
				for (Movement movement : Movement.values()) {
					moved += movement.sign() * m.movement(movement);
				}
				assertThat(m.startMrr() + moved).as("MRR of month %s", m.month()).isEqualTo(m.endMrr());
				assertThat(m.customersStart() + m.count(Movement.NEW) + m.count(Movement.REACTIVATION)
						- m.count(Movement.CHURN)).isEqualTo(m.customersEnd());
				assertThat(m.retainedCapped()).isLessThanOrEqualTo(m.retainedNet());
				assertThat(m.retainedCapped()).isLessThanOrEqualTo(m.retentionBase());
				if (previousEnd >= 0) {
					assertThat(m.startMrr()).isEqualTo(previousEnd);
				}
				previousEnd = m.endMrr();
			}
		}
	}

	private static HistoryFixture randomHistory(Random random) {
		HistoryFixture history = new HistoryFixture("USD");
		int subscriptions = 1 + random.nextInt(3);
		for (int s = 0; s < subscriptions; s++) {
			String product = random.nextBoolean() ? "Kizuna" : "Guides";
			java.time.LocalDate day = java.time.LocalDate.of(2023, 6, 1).plusDays(random.nextInt(900));
			SubscriptionId id = history.start(product, day.toString(), String.valueOf(10 + random.nextInt(500)));
			int changes = random.nextInt(4);
			for (int c = 0; c < changes; c++) {
				day = day.plusDays(random.nextInt(200) - 30); // now and then back-dated
				if (random.nextInt(4) == 0) {
					history.cancel(id, product, day.toString(), day.plusDays(random.nextInt(300)).toString());
				}
				else {
					history.change(id, product, day.toString(), random.nextInt(5) + "." + random.nextInt(10_000));
				}
			}
		}
		return history;
	}

	@Test
	void aCohortsModelLtvIsItsStartingArpaTimesMarginTimesTheDiscountedLifetime() {
		MetricsReport.Month month = new MetricsReport.Month(0, 0, usd("200"), new long[5], new int[5], 0, 2, 0, 0, 0, 0,
				0, 0);
		MetricsReport.Cohort cohort = new MetricsReport.Cohort(0, 2, usd("200"), new int[] { 2 }, new int[] { 2 },
				new long[] { usd("200") });
		MetricsReport report = new MetricsReport(0, 0, List.of(month), List.of(cohort),
				new MetricsReport.Retention(null, Double.NaN, 0.1), new MetricsReport.Expanders(0, 0, 0),
				SurveyTally.empty(1));

		double d = AT_CANCELLATION.monthlyDiscountRate();
		double expected = 100 * 0.8 * (1 + d) / (d + 0.1);
		assertThat(new MetricsFigures(report, AT_CANCELLATION).modelLtv(cohort).doubleValue())
			.isCloseTo(expected, org.assertj.core.api.Assertions.within(0.0001));
		assertThat(d).isCloseTo(Math.pow(1.1, 1 / 12.0) - 1, org.assertj.core.api.Assertions.within(1e-15));
	}
}
