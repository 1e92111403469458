package io.kizuna.health.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.kizuna.accounts.AccountId;
import io.kizuna.health.HealthBand;
import io.kizuna.shared.InvalidRequest;
import io.kizuna.subscriptions.SubscriptionHistories;

import org.springframework.stereotype.Service;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Does a scorecard predict anything? Replays each account's metric values as they stood on a past day
 * (from the score history), scores them with the card, and compares with what the subscription history
 * says happened in the days after: churn or contraction against staying. The ROC AUC says how well the
 * score (and each measure alone) separated the two; the lift tables say how much likelier trouble was in
 * the lowest scores and in each band than overall. Any card can be tried, saved or not.
 */
@Service
class Backtest {

	private static final TypeReference<Map<Metric, Double>> VALUES = new TypeReference<>() {
	};

	/** One row of a lift table: a group of accounts, how many went badly, and the lift over the base rate. */
	record Group(String label, int accounts, int troubled, double rate, Double lift) {
	}

	/** How one measure alone would have done. */
	record MeasureAuc(Metric metric, Double auc, int accounts) {
	}

	record Result(LocalDate asOf, int horizonDays, int accounts, int churned, int contracted, double baseRate,
			Double auc, List<MeasureAuc> measures, List<Group> quintiles, List<Group> bands) {

		public int troubled() {
			return churned + contracted;
		}
	}

	private final HealthRecords records;

	private final SubscriptionHistories subscriptions;

	private final ObjectMapper json;

	private final HealthEngine engine;

	Backtest(HealthRecords records, SubscriptionHistories subscriptions, ObjectMapper json, HealthEngine engine) {
		this.records = records;
		this.subscriptions = subscriptions;
		this.json = json;
		this.engine = engine;
	}

	private record Case(double score, Map<Metric, Double> values, boolean troubled, HealthBand band) {
	}

	Result run(Scorecard card, LocalDate asOf, int horizonDays) {
		if (horizonDays < 14 || horizonDays > 730) {
			throw new InvalidRequest("health.backtest.invalid.horizon");
		}
		LocalDate today = engine.today();
		if (asOf == null || asOf.plusDays(horizonDays).isAfter(today)) {
			throw new InvalidRequest("health.backtest.invalid.asOf", today.minusDays(horizonDays).toString());
		}
		Map<UUID, HealthRecords.Day> then = records.asOf(asOf);
		Map<AccountId, List<SubscriptionHistories.RecordedChange>> histories = subscriptions
			.ofAccounts(then.keySet().stream().map(AccountId::new).toList());
		List<Case> cases = new ArrayList<>();
		int churned = 0;
		int contracted = 0;
		for (Map.Entry<UUID, HealthRecords.Day> day : then.entrySet()) {
			RevenueLine revenue = new RevenueLine(histories.getOrDefault(new AccountId(day.getKey()), List.of()));
			RevenueLine.Outcome outcome = revenue.after(asOf, horizonDays);
			if (outcome == RevenueLine.Outcome.NOT_PAYING) {
				continue;
			}
			Map<Metric, Double> values = new EnumMap<>(Metric.class);
			values.putAll(json.readValue(day.getValue().values(), VALUES));
			Integer score = card.score(values);
			if (score == null) {
				continue;
			}
			churned += outcome == RevenueLine.Outcome.CHURNED ? 1 : 0;
			contracted += outcome == RevenueLine.Outcome.CONTRACTED ? 1 : 0;
			cases.add(new Case(score, values, outcome != RevenueLine.Outcome.STAYED, card.band(score)));
		}
		double base = cases.isEmpty() ? 0 : (double) (churned + contracted) / cases.size();
		return new Result(asOf, horizonDays, cases.size(), churned, contracted, base,
				auc(cases, c -> c.score()), measures(card, cases), quintiles(cases, base), bands(cases, base));
	}

	private static Double auc(List<Case> cases, java.util.function.ToDoubleFunction<Case> score) {
		return RocAuc.of(cases.stream().filter(c -> !c.troubled()).mapToDouble(score).toArray(),
				cases.stream().filter(Case::troubled).mapToDouble(score).toArray());
	}

	private static List<MeasureAuc> measures(Scorecard card, List<Case> cases) {
		List<MeasureAuc> found = new ArrayList<>();
		for (Measure measure : card.measures()) {
			List<Case> with = cases.stream().filter(c -> c.values().containsKey(measure.metric())).toList();
			found.add(new MeasureAuc(measure.metric(),
					auc(with, c -> measure.points(c.values().get(measure.metric()))), with.size()));
		}
		return found;
	}

	/** Fifths of the accounts from the lowest score up: trouble should crowd into the first. */
	private static List<Group> quintiles(List<Case> cases, double base) {
		List<Case> sorted = cases.stream().sorted(Comparator.comparingDouble(Case::score)).toList();
		List<Group> groups = new ArrayList<>();
		for (int q = 0; q < 5 && !sorted.isEmpty(); q++) {
			List<Case> part = sorted.subList(q * sorted.size() / 5, (q + 1) * sorted.size() / 5);
			if (!part.isEmpty()) {
				groups.add(group((q + 1) + "/5 (" + (int) part.getFirst().score() + "–" + (int) part.getLast().score() + ")",
						part, base));
			}
		}
		return groups;
	}

	private static List<Group> bands(List<Case> cases, double base) {
		List<Group> groups = new ArrayList<>();
		for (HealthBand band : List.of(HealthBand.AT_RISK, HealthBand.NEUTRAL, HealthBand.GOOD)) {
			groups.add(group(band.name(), cases.stream().filter(c -> c.band() == band).toList(), base));
		}
		return groups;
	}

	private static Group group(String label, List<Case> part, double base) {
		int troubled = (int) part.stream().filter(Case::troubled).count();
		double rate = part.isEmpty() ? 0 : (double) troubled / part.size();
		return new Group(label, part.size(), troubled, rate, base == 0 || part.isEmpty() ? null : rate / base);
	}
}
