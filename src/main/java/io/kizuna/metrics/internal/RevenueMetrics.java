package io.kizuna.metrics.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.kizuna.accounts.AccountId;
import io.kizuna.accounts.AccountRecords.AccountProfile;
import io.kizuna.shared.InvalidRequest;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * The metrics people ask for: a report for a filter (cached until the ledger changes), and the
 * accounts behind any one number of it.
 */
@Service
class RevenueMetrics {

	/** Reports kept at once; filters are few in practice, and each report is a few kilobytes. */
	private static final int CACHED = 256;

	/** A range longer than ten years is not a dashboard any more and would only cost memory. */
	static final int MAX_MONTHS = 120;

	private record Cached(long version, long surveysVersion, MetricsReport report) {
	}

	private final MrrLedger ledger;

	private final SurveyLedger surveys;

	private final MetricsSettings settings;

	private final Clock clock;

	private final Map<MetricsFilter, Cached> cache = new ConcurrentHashMap<>();

	RevenueMetrics(MrrLedger ledger, SurveyLedger surveys, MetricsSettings settings, Clock clock) {
		this.ledger = ledger;
		this.surveys = surveys;
		this.settings = settings;
		this.clock = clock;
	}

	MetricsSettings settings() {
		return settings;
	}

	/** Whether the history has been read; waits up to three seconds for it after a start. */
	boolean ready() {
		return ledger.ready() || ledger.awaitReady(java.time.Duration.ofSeconds(3));
	}

	/** The filter with its months filled in: the configured history up to this month, unless chosen. */
	MetricsFilter resolved(MetricsFilter filter) {
		YearMonth now = YearMonth.from(LocalDate.now(clock.withZone(LocaleContextHolder.getTimeZone().toZoneId())));
		YearMonth to = filter.to() == null ? now : filter.to();
		YearMonth from = filter.from() == null ? to.minusMonths(settings.historyMonths() - 1L) : filter.from();
		if (from.isAfter(to)) {
			throw new InvalidRequest("metrics.range.reversed", from, to);
		}
		if (from.plusMonths(MAX_MONTHS).isBefore(to.plusMonths(1))) {
			throw new InvalidRequest("metrics.range.tooLong", MAX_MONTHS);
		}
		return filter.over(from, to);
	}

	/** Every figure of a filter; 503 (MetricsNotReady) while the history is still being read after a start. */
	MetricsFigures figures(MetricsFilter filter) {
		return new MetricsFigures(report(filter), settings);
	}

	private void requireReady() {
		if (!ready()) {
			throw new MetricsNotReady();
		}
	}

	MetricsReport report(MetricsFilter filter) {
		requireReady();
		MetricsFilter key = resolved(filter);
		long version = ledger.version();
		long surveysVersion = surveys.version();
		Cached cached = cache.get(key);
		if (cached != null && cached.version() == version && cached.surveysVersion() == surveysVersion) {
			return cached.report();
		}
		int from = month(key.from());
		int to = month(key.to());
		MetricsReport report = MetricsCalculation.compute(accounts(key), from, to, settings)
			.withSurveys(tally(key, from, to));
		if (cache.size() >= CACHED) {
			cache.clear();
		}
		cache.put(key, new Cached(version, surveysVersion, report));
		return report;
	}

	private SurveyTally tally(MetricsFilter filter, int from, int to) {
		SurveyTally tally = SurveyTally.empty(to - from + 1);
		for (var entry : surveys.entries()) {
			if (filter.matches(ledger.profile(entry.getKey()))) {
				tally.add(entry.getValue(), from, to);
			}
		}
		return tally;
	}

	static int month(YearMonth month) {
		return month.getYear() * 12 + month.getMonthValue() - 1;
	}

	static YearMonth yearMonth(int month) {
		return YearMonth.of(Math.floorDiv(month, 12), Math.floorMod(month, 12) + 1);
	}

	private Iterable<AccountMrr> accounts(MetricsFilter filter) {
		if (!filter.filtersAccounts()) {
			return ledger.histories();
		}
		List<AccountMrr> matching = new ArrayList<>();
		for (var entry : ledger.entries()) {
			if (filter.matches(ledger.profile(entry.getKey()))) {
				matching.add(entry.getValue());
			}
		}
		return matching;
	}

	/** One account behind a number: its name and the amount it adds (MRR, a movement, or start and end MRR). */
	record Contribution(AccountId account, String name, long amount, long before, long after,
			BigDecimal expectedValue) {

		Contribution(AccountId account, String name, long amount, long before, long after) {
			this(account, name, amount, before, after, null);
		}
	}

	/**
	 * What a paying customer is still expected to bring, under the fitted retention model: MRR × gross
	 * margin × DERL, the discounted expected number of further months for a customer who has already
	 * stayed {@code months} (Fader and Hardie's residual lifetime value).
	 */
	private BigDecimal expectedValue(MetricsReport.Retention retention, long mrr, int months) {
		if (retention == null) {
			return null;
		}
		double d = settings.monthlyDiscountRate();
		double residual = retention.model() != null ? retention.model().derl(d, Math.max(0, months))
				: (1 - retention.constantChurn()) * (1 + d) / (d + retention.constantChurn());
		return MetricsFigures.amount(mrr)
			.multiply(settings.grossMargin())
			.multiply(BigDecimal.valueOf(residual))
			.setScale(4, java.math.RoundingMode.HALF_EVEN);
	}

	/** One survey answer behind NPS or CSAT: the account and its score. */
	record Answer(AccountId account, String name, io.kizuna.surveys.SurveyKind kind, int score) {
	}

	/** The answers of one kind given in one month by the filter's accounts, lowest scores first (where to act). */
	List<Answer> answers(MetricsFilter filter, YearMonth month, io.kizuna.surveys.SurveyKind kind) {
		requireReady();
		int m = month(month);
		List<Answer> rows = new ArrayList<>();
		for (var entry : surveys.entries()) {
			AccountProfile profile = ledger.profile(entry.getKey());
			if (!filter.matches(profile)) {
				continue;
			}
			SurveyLedger.Answers answers = entry.getValue();
			for (int i = 0; i < answers.months().length; i++) {
				if (answers.months()[i] == m && answers.kinds()[i] == kind) {
					rows.add(new Answer(entry.getKey(), profile == null ? entry.getKey().toString() : profile.name(), kind,
							answers.scores()[i]));
				}
			}
		}
		rows.sort(Comparator.comparingInt(Answer::score).thenComparing(Answer::name));
		return rows;
	}

	/** What a drill-down lists. */
	enum Detail {
		NEW, EXPANSION, CONTRACTION, CHURN, REACTIVATION, CUSTOMERS, RETENTION;

		Movement movement() {
			return ordinal() < Movement.values().length ? Movement.values()[ordinal()] : null;
		}
	}

	/**
	 * The accounts behind one number of one month, largest first: a movement's accounts with their
	 * amounts, the paying customers with their MRR, or the retention cohort with start and end MRR.
	 */
	List<Contribution> drill(MetricsFilter filter, YearMonth month, Detail detail) {
		requireReady();
		int m = month(month);
		int windowStart = m - settings.retentionWindowMonths();
		MetricsReport.Retention retention = detail == Detail.CUSTOMERS ? report(filter.over(null, month)).retention()
				: null;
		List<Contribution> rows = new ArrayList<>();
		for (var entry : ledger.entries()) {
			AccountProfile profile = ledger.profile(entry.getKey());
			if (!filter.matches(profile)) {
				continue;
			}
			AccountMrr history = entry.getValue();
			String name = profile == null ? entry.getKey().toString() : profile.name();
			switch (detail) {
				case CUSTOMERS -> {
					long mrr = history.mrrAtEndOf(m);
					if (mrr > 0) {
						rows.add(new Contribution(entry.getKey(), name, mrr, history.mrrAtEndOf(m - 1), mrr,
								expectedValue(retention, mrr, m - history.firstPaidMonth())));
					}
				}
				case RETENTION -> {
					long start = history.mrrAtEndOf(windowStart);
					if (start > 0) {
						long end = history.mrrAtEndOf(m);
						rows.add(new Contribution(entry.getKey(), name, end - start, start, end));
					}
				}
				default -> {
					long sum = 0;
					for (int s = 0; s < history.size(); s++) {
						if (history.months[s] == m && history.movements[s] == detail.movement()) {
							sum += history.amounts[s];
						}
					}
					if (sum > 0) {
						rows.add(new Contribution(entry.getKey(), name, sum, history.mrrAtEndOf(m - 1),
								history.mrrAtEndOf(m)));
					}
				}
			}
		}
		rows.sort(Comparator.comparingLong((Contribution c) -> -Math.abs(c.amount())).thenComparing(Contribution::name));
		return rows;
	}
}
