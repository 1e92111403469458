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
		Expanders expanders, SurveyTally surveys) {

	/** The same report with NPS and CSAT of the same accounts and months. */
	MetricsReport withSurveys(SurveyTally tally) {
		return new MetricsReport(from, to, months, cohorts, retention, expanders, tally);
	}

	/** The months the summary's period figures cover: the last {@code window} of the range, or all of it. */
	static int summaryFrom(int from, int to, int window) {
		return Math.max(from, to - window + 1);
	}

	/** Of the accounts paying when the summary period began, how many expanded in it at least once, by upsell or cross-sell. */
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

	/**
	 * How long customers stay, fitted on all cohorts' monthly survival at once: the sBG model, or, when the
	 * data show no mix of customers to fit it on ({@code model} null), one churn rate for everyone, the
	 * limit sBG tends to then.
	 */
	record Retention(ShiftedBetaGeometric model, double logLikelihood, double constantChurn) {

		/** The discounted expected lifetime of a new customer in periods, counting its first: Σ S(t) / (1+d)^t. */
		double discountedLifetime(double discountRate) {
			if (model != null) {
				return 1 + model.derl(discountRate, 0) / (1 + discountRate);
			}
			return (1 + discountRate) / (discountRate + constantChurn);
		}

		/** One churn rate for all: lost customers over customer-periods at risk (the geometric model's estimate). */
		static Retention constant(List<double[]> cohorts) {
			double lost = 0;
			double atRisk = 0;
			for (double[] alive : cohorts) {
				for (int t = 1; t < alive.length; t++) {
					lost += alive[t - 1] - alive[t];
					atRisk += alive[t - 1];
				}
			}
			return lost == 0 ? null : new Retention(null, Double.NaN, lost / atRisk);
		}
	}
}
