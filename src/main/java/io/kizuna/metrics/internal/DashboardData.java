package io.kizuna.metrics.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report as JSON: series per month for the charts, the figures of the whole range, the cohort
 * tables and the fitted retention model. Amounts are exact decimals in the reporting currency, rates
 * are fractions (0.95 = 95 %), and a rate that is not defined (nothing to divide by) is null.
 */
record DashboardData(String currency, String from, String to, List<String> months, Series series, Summary summary,
		List<CohortRow> cohorts, Model retentionModel) {

	record Series(List<BigDecimal> mrr, List<BigDecimal> arr, List<Integer> customers, List<BigDecimal> arpa,
			Map<String, List<BigDecimal>> movements, Map<String, List<Integer>> movementCounts, List<BigDecimal> grr,
			List<BigDecimal> nrr, List<BigDecimal> logoChurnRate, List<BigDecimal> grossMrrChurnRate,
			List<BigDecimal> netMrrChurnRate, List<BigDecimal> expansionRate, List<BigDecimal> nps,
			List<Integer> npsAnswers, List<BigDecimal> csat, List<Integer> csatAnswers) {
	}

	/**
	 * The summary period (the last retention window of the range, or the whole range when shorter: a
	 * rate over three years of a growing company says little) from {@code periodFrom} to the last month;
	 * MRR, customers, GRR, NRR and LTV as of the last month.
	 */
	record Summary(String periodFrom, BigDecimal startMrr, BigDecimal endMrr, Map<String, BigDecimal> movements,
			Map<String, Integer> movementCounts, BigDecimal arr, int customersStart, int customers, BigDecimal arpa,
			BigDecimal grr, BigDecimal nrr, int retentionWindowMonths, BigDecimal logoChurnRate,
			BigDecimal grossMrrChurnRate, BigDecimal netMrrChurnRate, BigDecimal expansionRate,
			BigDecimal expandedShare, BigDecimal upsellShare, BigDecimal crossSellShare,
			BigDecimal averageMonthlyLogoChurn, BigDecimal ltv, BigDecimal modelLtv, Double expectedLifetimeMonths,
			BigDecimal grossMargin, BigDecimal nps, int npsAnswers, BigDecimal csat, int csatAnswers) {
	}

	/** One signup cohort: logo retention and revenue retention by month of age (0 = the signup month). */
	record CohortRow(String month, int size, BigDecimal startMrr, BigDecimal modelLtv, List<BigDecimal> logoRetention,
			List<BigDecimal> revenueRetention) {
	}

	/** The fitted sBG model, or (alpha and beta null) one monthly churn rate for everyone. */
	record Model(Double alpha, Double beta, Double logLikelihood, Double constantChurn) {
	}

	static DashboardData of(MetricsFigures figures, String currency) {
		MetricsReport report = figures.report();
		int n = report.months().size();
		List<String> months = new ArrayList<>();
		List<BigDecimal> mrr = new ArrayList<>();
		List<BigDecimal> arr = new ArrayList<>();
		List<Integer> customers = new ArrayList<>();
		List<BigDecimal> arpa = new ArrayList<>();
		Map<String, List<BigDecimal>> movements = new LinkedHashMap<>();
		Map<String, List<Integer>> counts = new LinkedHashMap<>();
		for (Movement movement : Movement.values()) {
			movements.put(movement.key(), new ArrayList<>());
			counts.put(movement.key(), new ArrayList<>());
		}
		List<BigDecimal> grr = new ArrayList<>();
		List<BigDecimal> nrr = new ArrayList<>();
		List<BigDecimal> logoChurn = new ArrayList<>();
		List<BigDecimal> grossChurn = new ArrayList<>();
		List<BigDecimal> netChurn = new ArrayList<>();
		List<BigDecimal> expansion = new ArrayList<>();
		List<BigDecimal> nps = new ArrayList<>();
		List<Integer> npsAnswers = new ArrayList<>();
		List<BigDecimal> csat = new ArrayList<>();
		List<Integer> csatAnswers = new ArrayList<>();
		SurveyTally surveys = report.surveys();
		for (int i = 0; i < n; i++) {
			nps.add(surveys.nps(i, i));
			npsAnswers.add(surveys.npsAnswers(i, i));
			csat.add(surveys.csat(i, i));
			csatAnswers.add(surveys.csatAnswers(i, i));
			MetricsReport.Month month = report.months().get(i);
			months.add(RevenueMetrics.yearMonth(month.month()).toString());
			mrr.add(figures.mrr(i));
			arr.add(figures.arr(i));
			customers.add(month.customersEnd());
			arpa.add(figures.arpa(i));
			for (Movement movement : Movement.values()) {
				movements.get(movement.key()).add(MetricsFigures.amount(month.movement(movement)));
				counts.get(movement.key()).add(month.count(movement));
			}
			grr.add(figures.grr(i));
			nrr.add(figures.nrr(i));
			logoChurn.add(figures.logoChurnRate(i, i));
			grossChurn.add(figures.grossMrrChurnRate(i, i));
			netChurn.add(figures.netMrrChurnRate(i, i));
			expansion.add(figures.expansionRate(i, i));
		}
		int last = n - 1;
		int start = figures.summaryStart();
		Map<String, BigDecimal> total = new LinkedHashMap<>();
		Map<String, Integer> totalCounts = new LinkedHashMap<>();
		for (Movement movement : Movement.values()) {
			total.put(movement.key(), MetricsFigures.amount(figures.movement(movement, start, last)));
			totalCounts.put(movement.key(), figures.count(movement, start, last));
		}
		MetricsReport.Month first = report.months().get(start);
		Summary summary = new Summary(months.get(start), MetricsFigures.amount(first.startMrr()), figures.mrr(last),
				total, totalCounts, figures.arr(last), first.customersStart(), report.months().get(last).customersEnd(),
				figures.arpa(last), figures.grr(last), figures.nrr(last), figures.settings().retentionWindowMonths(),
				figures.logoChurnRate(start, last), figures.grossMrrChurnRate(start, last),
				figures.netMrrChurnRate(start, last), figures.expansionRate(start, last), figures.expandedShare(),
				figures.upsellShare(),
				figures.crossSellShare(), figures.averageLogoChurn(last), figures.simpleLtv(last),
				figures.modelLtv(last), figures.expectedLifetimeMonths(), figures.settings().grossMargin(),
				surveys.nps(start, last), surveys.npsAnswers(start, last), surveys.csat(start, last),
				surveys.csatAnswers(start, last));
		List<CohortRow> cohorts = report.cohorts().stream().map(c -> cohort(c, figures)).toList();
		MetricsReport.Retention retention = report.retention();
		Model model = retention == null ? null
				: retention.model() == null ? new Model(null, null, null, retention.constantChurn())
						: new Model(retention.model().alpha(), retention.model().beta(), retention.logLikelihood(), null);
		return new DashboardData(currency, months.getFirst(), months.get(last), months, new Series(mrr, arr, customers,
				arpa, movements, counts, grr, nrr, logoChurn, grossChurn, netChurn, expansion, nps, npsAnswers, csat,
				csatAnswers), summary, cohorts, model);
	}

	private static CohortRow cohort(MetricsReport.Cohort cohort, MetricsFigures figures) {
		List<BigDecimal> logos = new ArrayList<>();
		List<BigDecimal> revenue = new ArrayList<>();
		for (int age = 0; age < cohort.paying().length; age++) {
			logos.add(MetricsFigures.ratio(cohort.paying()[age], cohort.size()));
			revenue.add(MetricsFigures.ratio(cohort.mrr()[age], cohort.startMrr()));
		}
		return new CohortRow(RevenueMetrics.yearMonth(cohort.month()).toString(), cohort.size(),
				MetricsFigures.amount(cohort.startMrr()), figures.modelLtv(cohort), logos, revenue);
	}
}
