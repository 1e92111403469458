package io.kizuna.metrics.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The rates and ratios a person reads, derived from a report's exact sums. Indexes are months of the
 * report (0 = its first). A rate whose denominator is zero (no customers, no MRR at the start) is
 * {@code null}: "not defined" is not the same as 0 %.
 */
final class MetricsFigures {

	private static final int SCALE = 6;

	private final MetricsReport report;

	private final MetricsSettings settings;

	MetricsFigures(MetricsReport report, MetricsSettings settings) {
		this.report = report;
		this.settings = settings;
	}

	MetricsReport report() {
		return report;
	}

	MetricsSettings settings() {
		return settings;
	}

	static BigDecimal amount(long units) {
		return BigDecimal.valueOf(units, 4);
	}

	private MetricsReport.Month at(int i) {
		return report.months().get(i);
	}

	int last() {
		return report.months().size() - 1;
	}

	static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
		return whole.signum() == 0 ? null : part.divide(whole, SCALE, RoundingMode.HALF_EVEN);
	}

	static BigDecimal ratio(long part, long whole) {
		return ratio(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
	}

	BigDecimal mrr(int i) {
		return amount(at(i).endMrr());
	}

	BigDecimal arr(int i) {
		return mrr(i).multiply(BigDecimal.valueOf(12));
	}

	/** Average revenue per account: MRR over paying customers at the end of the month. */
	BigDecimal arpa(int i) {
		return ratio(mrr(i), BigDecimal.valueOf(at(i).customersEnd()));
	}

	BigDecimal grr(int i) {
		return ratio(at(i).retainedCapped(), at(i).retentionBase());
	}

	BigDecimal nrr(int i) {
		return ratio(at(i).retainedNet(), at(i).retentionBase());
	}

	long movement(Movement movement, int from, int to) {
		long sum = 0;
		for (int i = from; i <= to; i++) {
			sum += at(i).movement(movement);
		}
		return sum;
	}

	int count(Movement movement, int from, int to) {
		int sum = 0;
		for (int i = from; i <= to; i++) {
			sum += at(i).count(movement);
		}
		return sum;
	}

	/** Customers lost in the months from..to over customers paying when the first of them began. */
	BigDecimal logoChurnRate(int from, int to) {
		return ratio(count(Movement.CHURN, from, to), at(from).customersStart());
	}

	/** (Churn + contraction) over MRR at the start. */
	BigDecimal grossMrrChurnRate(int from, int to) {
		return ratio(movement(Movement.CHURN, from, to) + movement(Movement.CONTRACTION, from, to), at(from).startMrr());
	}

	/** (Churn + contraction − expansion − reactivation) over MRR at the start; negative is good. */
	BigDecimal netMrrChurnRate(int from, int to) {
		long lost = movement(Movement.CHURN, from, to) + movement(Movement.CONTRACTION, from, to);
		long won = movement(Movement.EXPANSION, from, to) + movement(Movement.REACTIVATION, from, to);
		return ratio(lost - won, at(from).startMrr());
	}

	/** Expansion MRR over MRR at the start. */
	BigDecimal expansionRate(int from, int to) {
		return ratio(movement(Movement.EXPANSION, from, to), at(from).startMrr());
	}

	/** The first month (index) of the summary period: the last retention window of the range, or all of it. */
	int summaryStart() {
		return MetricsReport.summaryFrom(report.from(), report.to(), settings.retentionWindowMonths()) - report.from();
	}

	/** Over the summary period: the share of customers paying at its start that expanded, upsold, cross-sold. */
	BigDecimal expandedShare() {
		return ratio(report.expanders().expanded(), at(summaryStart()).customersStart());
	}

	BigDecimal upsellShare() {
		return ratio(report.expanders().upsold(), at(summaryStart()).customersStart());
	}

	BigDecimal crossSellShare() {
		return ratio(report.expanders().crossSold(), at(summaryStart()).customersStart());
	}

	/** The average monthly logo churn rate over the trailing churn window ending at month i. */
	BigDecimal averageLogoChurn(int i) {
		int from = Math.max(0, i - settings.churnWindowMonths() + 1);
		BigDecimal sum = BigDecimal.ZERO;
		int months = 0;
		for (int m = from; m <= i; m++) {
			BigDecimal rate = logoChurnRate(m, m);
			if (rate != null) {
				sum = sum.add(rate);
				months++;
			}
		}
		return months == 0 ? null : sum.divide(BigDecimal.valueOf(months), SCALE, RoundingMode.HALF_EVEN);
	}

	/** LTV = ARPA × gross margin ÷ average monthly logo churn; undefined while no one churns. */
	BigDecimal simpleLtv(int i) {
		BigDecimal arpa = arpa(i);
		BigDecimal churn = averageLogoChurn(i);
		if (arpa == null || churn == null || churn.signum() == 0) {
			return null;
		}
		return arpa.multiply(settings.grossMargin()).divide(churn, 4, RoundingMode.HALF_EVEN);
	}

	/**
	 * Model-based LTV of a new customer: ARPA × gross margin × the discounted expected lifetime in months
	 * under the fitted sBG model, DEL = 1 + DERL(d, 0 renewals) / (1 + d) at the monthly discount rate.
	 */
	BigDecimal modelLtv(int i) {
		BigDecimal arpa = arpa(i);
		if (arpa == null || report.retention() == null) {
			return null;
		}
		double lifetime = report.retention().discountedLifetime(settings.monthlyDiscountRate());
		return arpa.multiply(settings.grossMargin())
			.multiply(BigDecimal.valueOf(lifetime))
			.setScale(4, RoundingMode.HALF_EVEN);
	}

	/** A cohort's model-based LTV: its starting ARPA × gross margin × the model's discounted expected lifetime. */
	BigDecimal modelLtv(MetricsReport.Cohort cohort) {
		if (report.retention() == null || cohort.size() == 0) {
			return null;
		}
		double lifetime = report.retention().discountedLifetime(settings.monthlyDiscountRate());
		return amount(cohort.startMrr()).divide(BigDecimal.valueOf(cohort.size()), 4, RoundingMode.HALF_EVEN)
			.multiply(settings.grossMargin())
			.multiply(BigDecimal.valueOf(lifetime))
			.setScale(4, RoundingMode.HALF_EVEN);
	}

	/** Discounted expected lifetime in months of a new customer under the model. */
	Double expectedLifetimeMonths() {
		if (report.retention() == null) {
			return null;
		}
		return report.retention().discountedLifetime(settings.monthlyDiscountRate());
	}
}
