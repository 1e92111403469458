package io.kizuna.health.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.kizuna.health.HealthBand;
import io.kizuna.shared.InvalidRequest;

/**
 * How an admin wants health judged: weighted measures and the scores from which an account is good or
 * neutral (below neutral it is at risk). A scorecard with a segment applies to that segment's accounts;
 * the one without is the default. Of several that apply, the lowest priority number wins.
 */
record Scorecard(UUID id, String name, String segment, int priority, List<Measure> measures, int good, int neutral,
		int version) {

	static Scorecard standard() {
		return new Scorecard(null, "Standard", null, 100,
				List.of(Measure.standard(Metric.ACTIVE_USERS_PER_SEAT, 25), Measure.standard(Metric.ACTIVE_USERS_TREND, 15),
						Measure.standard(Metric.FEATURE_BREADTH, 15), Measure.standard(Metric.DAYS_SINCE_LAST_SEEN, 15),
						Measure.standard(Metric.NPS, 10), Measure.standard(Metric.BILLING, 10),
						Measure.standard(Metric.SENTIMENT, 10)),
				70, 40, 0);
	}

	/** One measure's part in a score: its reading (null without data), points and share of the score. */
	record Contribution(Metric metric, int weight, Reading reading, int points, double share) {

		boolean hasData() {
			return reading != null;
		}
	}

	/**
	 * A score (null when no measure had data), its band, every measure's part in it, and what every metric
	 * read (also those this card does not use).
	 */
	record Result(Integer score, HealthBand band, List<Contribution> contributions, Map<Metric, Double> values,
			Map<Metric, Reading> readings) {

		static final Result NONE = new Result(null, null, List.of(), Map.of(), Map.of());
	}

	HealthBand band(int score) {
		return score >= good ? HealthBand.GOOD : score >= neutral ? HealthBand.NEUTRAL : HealthBand.AT_RISK;
	}

	/**
	 * Scores an account. Every metric is read (not only this card's), so the history keeps what a changed
	 * card would have made of the same day (the backtest's "what if").
	 */
	Result score(Signals signals, LocalDate today, ZoneId zone) {
		Map<Metric, Reading> readings = new EnumMap<>(Metric.class);
		Map<Metric, Double> values = new EnumMap<>(Metric.class);
		for (Metric metric : Metric.values()) {
			Reading reading = metric.read(signals, today, zone);
			if (reading != null) {
				readings.put(metric, reading);
				values.put(metric, reading.value());
			}
		}
		return score(readings, values);
	}

	/** The score the same readings give under this card. */
	Result score(Map<Metric, Reading> readings, Map<Metric, Double> values) {
		int weights = measures.stream().filter(m -> values.containsKey(m.metric())).mapToInt(Measure::weight).sum();
		List<Contribution> parts = new ArrayList<>();
		double total = 0;
		for (Measure measure : measures) {
			Double value = values.get(measure.metric());
			if (value == null || weights == 0) {
				parts.add(new Contribution(measure.metric(), measure.weight(), null, 0, 0));
				continue;
			}
			int points = measure.points(value);
			double share = (double) measure.weight() / weights;
			total += points * share;
			parts.add(new Contribution(measure.metric(), measure.weight(), readings.get(measure.metric()), points,
					100 * share));
		}
		if (weights == 0) {
			return new Result(null, null, parts, values, readings);
		}
		int score = (int) Math.round(total);
		return new Result(score, band(score), parts, values, readings);
	}

	/** The score of stored values alone (the backtest has values, not the words for them). */
	Integer score(Map<Metric, Double> values) {
		return score(Map.of(), values).score();
	}

	/** Refuses a card that could not score sensibly, with the reason. */
	Scorecard validated() {
		if (name == null || name.isBlank() || name.length() > 100) {
			throw new InvalidRequest("health.scorecard.invalid.name");
		}
		if (measures == null || measures.isEmpty()) {
			throw new InvalidRequest("health.scorecard.invalid.noMeasures");
		}
		Set<Metric> seen = new HashSet<>();
		for (Measure measure : measures) {
			if (measure.metric() == null) {
				throw new InvalidRequest("health.scorecard.invalid.metric");
			}
			if (!seen.add(measure.metric())) {
				throw new InvalidRequest("health.scorecard.invalid.twice", measure.metric().name());
			}
			if (measure.weight() < 1 || measure.weight() > 100) {
				throw new InvalidRequest("health.scorecard.invalid.weight", measure.metric().name());
			}
			if (measure.worst() == measure.best() || !Double.isFinite(measure.worst()) || !Double.isFinite(measure.best())) {
				throw new InvalidRequest("health.scorecard.invalid.rule", measure.metric().name());
			}
		}
		if (good < 1 || good > 100 || neutral < 1 || neutral >= good) {
			throw new InvalidRequest("health.scorecard.invalid.bands");
		}
		if (segment != null && (segment.isBlank() || segment.length() > 60)) {
			throw new InvalidRequest("health.scorecard.invalid.segment");
		}
		return this;
	}

	Scorecard withId(UUID newId, int newVersion) {
		return new Scorecard(newId, name.strip(), segment, priority, List.copyOf(measures), good, neutral, newVersion);
	}
}
