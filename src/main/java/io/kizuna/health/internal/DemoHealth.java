package io.kizuna.health.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.kizuna.accounts.AccountId;
import io.kizuna.accounts.AccountRecords;
import io.kizuna.subscriptions.SubscriptionHistories;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.ObjectMapper;

/**
 * A year of weekly health history for the demo company's first accounts, so that the backtest has a past
 * to replay. Kizuna was not running then, so the values are made up, but they follow each account's
 * subscription story: usage, NPS and sentiment sag in the months before an account churns or shrinks,
 * with enough noise that the backtest finds a real but imperfect signal.
 */
@Component
class DemoHealth {

	static final int ACCOUNTS = 500;

	private final AccountRecords accounts;

	private final SubscriptionHistories subscriptions;

	private final HealthRecords records;

	private final TransactionTemplate transactions;

	private final ObjectMapper json;

	private final boolean enabled;

	private final long seed;

	DemoHealth(AccountRecords accounts, SubscriptionHistories subscriptions, HealthRecords records,
			TransactionTemplate transactions, ObjectMapper json, @Value("${kizuna.demo.enabled:false}") boolean enabled,
			@Value("${kizuna.demo.seed:42}") long seed) {
		this.accounts = accounts;
		this.subscriptions = subscriptions;
		this.records = records;
		this.transactions = transactions;
		this.json = json;
		this.enabled = enabled;
		this.seed = seed;
	}

	/** Writes the past once, on a demo installation whose history is still empty. */
	void backfill(LocalDate today, Instant now) {
		if (!enabled || records.historySpan().isPresent()) {
			return;
		}
		List<AccountId> ids = new ArrayList<>();
		accounts.forEachProfile(p -> {
			if (ids.size() < ACCOUNTS) {
				ids.add(p.id());
			}
		});
		Map<AccountId, List<SubscriptionHistories.RecordedChange>> histories = subscriptions.ofAccounts(ids);
		Scorecard card = Scorecard.standard();
		List<HealthRecords.Day> rows = new ArrayList<>();
		for (AccountId id : ids) {
			RevenueLine revenue = new RevenueLine(histories.getOrDefault(id, List.of()));
			Random random = new Random(seed * 7_919L + id.value().hashCode());
			LocalDate firstPaid = null;
			for (int week = 52; week >= 1; week--) {
				LocalDate day = today.minusWeeks(week);
				BigDecimal mrr = revenue.mrr(day);
				if (mrr.signum() <= 0) {
					continue;
				}
				firstPaid = firstPaid == null ? day : firstPaid;
				RevenueLine.Outcome ahead = revenue.after(day, 90);
				Map<Metric, Double> values = values(ahead, random, ChronoUnit.MONTHS.between(firstPaid, day) + 6);
				Integer score = card.score(values);
				rows.add(new HealthRecords.Day(id.value(), day, null, score, card.band(score),
						json.writeValueAsString(values), null, now));
			}
		}
		transactions.executeWithoutResult(status -> records.insertHistory(rows));
	}

	/** A week's values: trouble ahead pulls usage, NPS and sentiment down, noise keeps it honest. */
	private static Map<Metric, Double> values(RevenueLine.Outcome ahead, Random random, long months) {
		boolean trouble = ahead != RevenueLine.Outcome.STAYED && random.nextInt(100) < 70;
		boolean falseAlarm = !trouble && random.nextInt(100) < 15;
		boolean low = trouble || falseAlarm;
		Map<Metric, Double> values = new EnumMap<>(Metric.class);
		values.put(Metric.ACTIVE_USERS_PER_SEAT, clamp((low ? 30 : 65) + random.nextGaussian() * 15, 0, 100));
		values.put(Metric.ACTIVE_USERS_TREND, (low ? -30 : 0) + random.nextGaussian() * 15);
		values.put(Metric.FEATURE_BREADTH, clamp((low ? 25 : 50) + random.nextGaussian() * 12, 0, 100));
		values.put(Metric.DAYS_SINCE_LAST_SEEN, (double) Math.max(0, Math.round((low ? 9 : 2) + random.nextGaussian() * 3)));
		values.put(Metric.NPS, clamp(Math.round((low ? 5.5 : 8.2) + random.nextGaussian() * 1.5), 0, 10));
		values.put(Metric.BILLING, 2.0);
		values.put(Metric.CONTRACT_AGE, (double) months);
		values.put(Metric.SENTIMENT, low && random.nextBoolean() ? 0.0 : random.nextInt(100) < 70 ? 2.0 : 1.0);
		return values;
	}

	private static double clamp(double value, double min, double max) {
		return Math.max(min, Math.min(max, value));
	}
}
