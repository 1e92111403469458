package io.kizuna.metrics.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns accounts' MRR histories into a {@link MetricsReport} in one pass over the accounts: for each,
 * its MRR at the end of every month of the range (and of the retention window before it), its
 * movements, and its cohort. Nothing here reads the database, so a dashboard over 100,000 accounts
 * costs a few tens of milliseconds of arithmetic.
 */
final class MetricsCalculation {

	private MetricsCalculation() {
	}

	static MetricsReport compute(Iterable<AccountMrr> accounts, int from, int to, MetricsSettings settings) {
		int months = to - from + 1;
		int window = settings.retentionWindowMonths();
		int first = from - window; // the earliest month-end any figure needs
		Sums sums = new Sums(months, window, MetricsReport.summaryFrom(from, to, window) - from);
		long[] ends = new long[months + window];
		for (AccountMrr account : accounts) {
			if (account.size() == 0) {
				continue;
			}
			fillMonthEnds(account, first, ends);
			sums.add(account, from, to, ends, window);
		}
		return sums.report(from, to, settings);
	}

	/** ends[k] = the account's MRR at the end of month first + k. */
	private static void fillMonthEnds(AccountMrr account, int first, long[] ends) {
		int step = 0;
		long mrr = 0;
		for (int k = 0; k < ends.length; k++) {
			int month = first + k;
			while (step < account.size() && account.months[step] <= month) {
				mrr = account.mrrAfter[step++];
			}
			ends[k] = mrr;
		}
	}

	/** The running sums of one report. */
	private static final class Sums {

		final int months;

		final long[] startMrr;

		final long[] endMrr;

		final long[][] movements;

		final int[][] counts;

		final int[] customersStart;

		final int[] customersEnd;

		final int[] expanded;

		final int[] upsold;

		final int[] crossSold;

		final long[] base;

		final long[] capped;

		final long[] net;

		int expandersAll;

		int expandersUpsold;

		int expandersCrossSold;

		final int[] cohortSize;

		final long[] cohortMrr;

		final int[][] paying;

		final int[][] surviving;

		final long[][] cohortMrrByAge;

		/** Index of the first month of the summary period. */
		final int summaryStart;

		Sums(int months, int window, int summaryStart) {
			this.months = months;
			this.summaryStart = summaryStart;
			startMrr = new long[months];
			endMrr = new long[months];
			movements = new long[months][Movement.values().length];
			counts = new int[months][Movement.values().length];
			customersStart = new int[months];
			customersEnd = new int[months];
			expanded = new int[months];
			upsold = new int[months];
			crossSold = new int[months];
			base = new long[months];
			capped = new long[months];
			net = new long[months];
			cohortSize = new int[months];
			cohortMrr = new long[months];
			paying = new int[months][];
			surviving = new int[months][];
			cohortMrrByAge = new long[months][];
			for (int c = 0; c < months; c++) {
				paying[c] = new int[months - c];
				surviving[c] = new int[months - c];
				cohortMrrByAge[c] = new long[months - c];
			}
		}

		void add(AccountMrr account, int from, int to, long[] ends, int window) {
			for (int i = 0; i < months; i++) {
				long start = ends[window + i - 1];
				long end = ends[window + i];
				startMrr[i] += start;
				endMrr[i] += end;
				if (start > 0) {
					customersStart[i]++;
				}
				if (end > 0) {
					customersEnd[i]++;
				}
				long windowStart = ends[i];
				if (windowStart > 0) {
					base[i] += windowStart;
					capped[i] += Math.min(windowStart, end);
					net[i] += end;
				}
			}
			int lastExpanded = -1;
			int lastUpsold = -1;
			int lastCrossSold = -1;
			boolean expandedInSummary = false;
			boolean upsoldInSummary = false;
			boolean crossSoldInSummary = false;
			int firstChurn = Integer.MAX_VALUE;
			for (int s = 0; s < account.size(); s++) {
				Movement movement = account.movements[s];
				int month = account.months[s];
				if (movement == Movement.CHURN && firstChurn == Integer.MAX_VALUE) {
					firstChurn = month;
				}
				if (month < from || month > to) {
					continue;
				}
				int i = month - from;
				movements[i][movement.ordinal()] += account.amounts[s];
				counts[i][movement.ordinal()]++;
				if (movement == Movement.EXPANSION) {
					if (i >= summaryStart) {
						expandedInSummary = true;
						upsoldInSummary |= !account.crossSell[s];
						crossSoldInSummary |= account.crossSell[s];
					}
					if (lastExpanded != i) {
						expanded[i]++;
						lastExpanded = i;
					}
					if (account.crossSell[s] && lastCrossSold != i) {
						crossSold[i]++;
						lastCrossSold = i;
					}
					else if (!account.crossSell[s] && lastUpsold != i) {
						upsold[i]++;
						lastUpsold = i;
					}
				}
			}
			if (ends[window + summaryStart - 1] > 0 && expandedInSummary) {
				expandersAll++;
				expandersUpsold += upsoldInSummary ? 1 : 0;
				expandersCrossSold += crossSoldInSummary ? 1 : 0;
			}
			int signup = account.firstPaidMonth();
			if (signup >= from && signup <= to) {
				int c = signup - from;
				cohortSize[c]++;
				cohortMrr[c] += account.mrrAfter[0];
				for (int age = 0; c + age < months; age++) {
					long mrr = ends[window + c + age];
					if (mrr > 0) {
						paying[c][age]++;
					}
					if (signup + age < firstChurn) {
						surviving[c][age]++;
					}
					cohortMrrByAge[c][age] += mrr;
				}
			}
		}

		MetricsReport report(int from, int to, MetricsSettings settings) {
			List<MetricsReport.Month> monthly = new ArrayList<>(months);
			for (int i = 0; i < months; i++) {
				monthly.add(new MetricsReport.Month(from + i, startMrr[i], endMrr[i], movements[i], counts[i],
						customersStart[i], customersEnd[i], expanded[i], upsold[i], crossSold[i], base[i], capped[i],
						net[i]));
			}
			List<MetricsReport.Cohort> cohorts = new ArrayList<>();
			List<double[]> survival = new ArrayList<>();
			for (int c = 0; c < months; c++) {
				if (cohortSize[c] == 0) {
					continue;
				}
				cohorts.add(new MetricsReport.Cohort(from + c, cohortSize[c], cohortMrr[c], paying[c], surviving[c],
						cohortMrrByAge[c]));
				// Survival after t whole months: the signup month is period 0, and only finished months count.
				int finished = months - c - 1;
				if (finished >= 1 && surviving[c][0] > 0) {
					double[] alive = new double[finished + 1];
					for (int t = 0; t <= finished; t++) {
						alive[t] = surviving[c][t];
					}
					survival.add(alive);
				}
			}
			MetricsReport.Retention retention = SbgFitting.fit(survival)
				.map(fit -> new MetricsReport.Retention(fit.model(), fit.logLikelihood(), Double.NaN))
				.orElseGet(() -> MetricsReport.Retention.constant(survival));
			return new MetricsReport(from, to, monthly, cohorts, retention,
					new MetricsReport.Expanders(expandersAll, expandersUpsold, expandersCrossSold),
					SurveyTally.empty(months));
		}
	}
}
