package io.kizuna.metrics.internal;

import java.util.List;

/**
 * Every number of the dashboard for one set of accounts and one range of months, in ten-thousandths
 * of the reporting currency. Rates are left to the readers ({@link MetricsFigures}) so the raw sums
 * stay exact and can be checked against each other.
 *
 * @param from first month shown (year × 12 + month − 1)
 * @param to last month shown
 * @param months one entry per month from {@code from} to {@code to}
 * @param cohorts signup cohorts within the range, oldest first
 */
record MetricsReport(int from, int to, List<Month> months, List<Cohort> cohorts, Retention retention,
		Expanders expanders) {

	/** Of the accounts paying when the range began, how many expanded in it at least once, by upsell or cross-sell. */
	record Expanders(int expanded, int upsold, int crossSold) {
	}

	/**
	 * One month. {@code movements} is indexed by {@link Movement#ordinal()} and holds positive amounts;
	 * {@code retentionBase}, {@code retainedCapped} and {@code retainedNet} are the GRR and NRR sums over the
	 * window ending this month (the cohort is the accounts paying at the window's start).
	 */
	record Month(int month, long startMrr, long endMrr, long[] movements, int[] movementCounts, int customersStart,
			int customersEnd, int expandedCustomers, int upsoldCustomers, int crossSoldCustomers, long retentionBase,
			long retainedCapped, long retainedNet) {

		long movement(Movement movement) {
			return movements[movement.ordinal()];
		}

		int count(Movement movement) {
			return movementCounts[movement.ordinal()];
		}
	}

	/**
	 * Accounts whose first paid month is {@code month}: per month of age (0 = the signup month), how many
	 * still pay, how many have not yet churned once (the survival the retention model is fitted on) and
	 * their MRR.
	 */
	record Cohort(int month, int size, long startMrr, int[] paying, int[] surviving, long[] mrr) {
	}

	/** The sBG model fitted on all cohorts' monthly survival at once; empty when the data do not identify it. */
	record Retention(ShiftedBetaGeometric model, double logLikelihood) {
	}
}
