package io.kizuna.health.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.kizuna.accounts.AccountId;
import io.kizuna.health.HealthBand;
import io.kizuna.shared.InvalidRequest;
import io.kizuna.usage.UsageSignals;

import org.junit.jupiter.api.Test;

class ScorecardTests {

	static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

	static final AccountId ACCOUNT = AccountId.random();

	@Test
	void aMeasureGivesPointsAlongItsLineEitherWayRoundAndFlatBeyondBothEnds() {
		Measure seats = new Measure(Metric.ACTIVE_USERS_PER_SEAT, 25, 0, 80);
		assertThat(seats.points(0)).isZero();
		assertThat(seats.points(24)).isEqualTo(30);
		assertThat(seats.points(80)).isEqualTo(100);
		assertThat(seats.points(130)).isEqualTo(100);
		assertThat(seats.points(-5)).isZero();
		Measure lastSeen = new Measure(Metric.DAYS_SINCE_LAST_SEEN, 10, 14, 2);
		assertThat(lastSeen.points(2)).isEqualTo(100);
		assertThat(lastSeen.points(8)).isEqualTo(50);
		assertThat(lastSeen.points(30)).isZero();
	}

	@Test
	void theScoreIsTheWeightedAverageOfTheMeasuresWithDataAndSaysEachPartInWords() {
		Scorecard card = new Scorecard(null, "Test", null, 100,
				List.of(new Measure(Metric.ACTIVE_USERS_PER_SEAT, 25, 0, 40), new Measure(Metric.NPS, 25, 0, 10),
						new Measure(Metric.SENTIMENT, 50, 0, 2)),
				70, 40, 0);
		// 12 of 50 seats active: 24 % of seats, 24/40 → 60 points; NPS has no answers; sentiment neutral → 50.
		Signals signals = new Signals(usage(12, 10, 0, 0, TODAY), billing(50), null, Sentiment.NEUTRAL);

		Scorecard.Result result = card.score(signals, TODAY, TOKYO);

		// NPS's weight goes to the others: 60 × 25/75 + 50 × 50/75 = 53.3.
		assertThat(result.score()).isEqualTo(53);
		assertThat(result.band()).isEqualTo(HealthBand.NEUTRAL);
		Scorecard.Contribution seats = result.contributions().getFirst();
		assertThat(seats.points()).isEqualTo(60);
		assertThat(seats.share()).isCloseTo(33.33, org.assertj.core.data.Offset.offset(0.01));
		assertThat(seats.reading().messageKey()).isEqualTo("health.reading.ACTIVE_USERS_PER_SEAT");
		assertThat(seats.reading().arguments()).containsExactly(12L, 50);
		assertThat(result.contributions().get(1).hasData()).isFalse();
		// Every metric with data is kept for the history, also those this card does not use.
		assertThat(result.values()).containsKeys(Metric.ACTIVE_USERS_PER_SEAT, Metric.ACTIVE_USERS_TREND,
				Metric.DAYS_SINCE_LAST_SEEN, Metric.BILLING, Metric.SENTIMENT);
	}

	@Test
	void noDataAtAllMeansNoScoreRatherThanZero() {
		Scorecard.Result result = Scorecard.standard().score(Signals.NONE, TODAY, TOKYO);
		assertThat(result.score()).isNull();
		assertThat(result.band()).isNull();
	}

	@Test
	void bandsFollowTheThresholds() {
		Scorecard card = Scorecard.standard();
		assertThat(card.band(70)).isEqualTo(HealthBand.GOOD);
		assertThat(card.band(69)).isEqualTo(HealthBand.NEUTRAL);
		assertThat(card.band(40)).isEqualTo(HealthBand.NEUTRAL);
		assertThat(card.band(39)).isEqualTo(HealthBand.AT_RISK);
	}

	@Test
	void timeDrivenMeasuresMoveWithTheDayAlone() {
		Signals seen = new Signals(usage(3, 3, 1, 5, TODAY.minusDays(2)), billing(10), null, null);
		Reading now = Metric.DAYS_SINCE_LAST_SEEN.read(seen, TODAY, TOKYO);
		Reading later = Metric.DAYS_SINCE_LAST_SEEN.read(seen, TODAY.plusDays(12), TOKYO);
		assertThat(now.value()).isEqualTo(2);
		assertThat(later.value()).isEqualTo(14);
		assertThat(new Measure(Metric.DAYS_SINCE_LAST_SEEN, 1, 14, 2).points(later.value())).isZero();
	}

	@Test
	void theTrendComparesTheLast30DaysWithThe30Before() {
		assertThat(Metric.ACTIVE_USERS_TREND.read(new Signals(usage(6, 12, 0, 0, TODAY), null, null, null), TODAY, TOKYO)
			.value()).isEqualTo(-50);
		assertThat(Metric.ACTIVE_USERS_TREND.read(new Signals(usage(6, 0, 0, 0, TODAY), null, null, null), TODAY, TOKYO)
			.value()).isEqualTo(100);
	}

	@Test
	void theSameValuesScoreDifferentlyUnderAnotherCard() {
		Map<Metric, Double> values = Map.of(Metric.ACTIVE_USERS_PER_SEAT, 20.0, Metric.SENTIMENT, 2.0);
		Scorecard usageHeavy = new Scorecard(null, "Usage", null, 1,
				List.of(new Measure(Metric.ACTIVE_USERS_PER_SEAT, 90, 0, 80), new Measure(Metric.SENTIMENT, 10, 0, 2)), 70,
				40, 0);
		Scorecard sentimentHeavy = new Scorecard(null, "Feel", null, 1,
				List.of(new Measure(Metric.ACTIVE_USERS_PER_SEAT, 10, 0, 80), new Measure(Metric.SENTIMENT, 90, 0, 2)), 70,
				40, 0);
		assertThat(usageHeavy.score(values)).isEqualTo(33); // 25 × .9 + 100 × .1
		assertThat(sentimentHeavy.score(values)).isEqualTo(93); // 25 × .1 + 100 × .9
	}

	@Test
	void aCardThatCannotScoreSensiblyIsRefusedWithTheReason() {
		assertThatThrownBy(() -> card(List.of(), 70, 40).validated()).isInstanceOf(InvalidRequest.class)
			.hasMessage("health.scorecard.invalid.noMeasures");
		assertThatThrownBy(() -> card(List.of(new Measure(Metric.NPS, 0, 0, 10)), 70, 40).validated())
			.hasMessage("health.scorecard.invalid.weight");
		assertThatThrownBy(() -> card(List.of(new Measure(Metric.NPS, 10, 5, 5)), 70, 40).validated())
			.hasMessage("health.scorecard.invalid.rule");
		assertThatThrownBy(
				() -> card(List.of(new Measure(Metric.NPS, 10, 0, 10), new Measure(Metric.NPS, 5, 0, 10)), 70, 40).validated())
			.hasMessage("health.scorecard.invalid.twice");
		assertThatThrownBy(() -> card(List.of(new Measure(Metric.NPS, 10, 0, 10)), 40, 70).validated())
			.hasMessage("health.scorecard.invalid.bands");
		assertThat(card(List.of(new Measure(Metric.NPS, 10, 0, 10)), 70, 40).validated().name()).isEqualTo("Card");
	}

	private static Scorecard card(List<Measure> measures, int good, int neutral) {
		return new Scorecard(null, "Card", null, 1, measures, good, neutral, 0);
	}

	static UsageSignals.Signal usage(long active, long before, int featuresUsed, int featuresNamed, LocalDate lastSeen) {
		Instant seen = lastSeen.atTime(10, 0).atZone(TOKYO).toInstant();
		return new UsageSignals.Signal(ACCOUNT, active, before, featuresUsed, featuresNamed, seen);
	}

	static Signals.Billing billing(int seats) {
		return new Signals.Billing(seats, Signals.BillingState.PAYING, TODAY.minusMonths(10));
	}
}
