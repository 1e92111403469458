package io.kizuna.metrics.internal;

import java.io.IOException;
import java.io.Writer;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import io.kizuna.shared.InvalidRequest;
import io.kizuna.shared.PageResult;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The accounts behind a number of the dashboard (a page, paged, and as CSV), and the dashboard's own
 * tables as CSV. CSV files start with a byte order mark so Excel shows Japanese names.
 */
@Controller
@RequestMapping("/analytics")
@PreAuthorize("hasRole('VIEWER')")
class AnalyticsDrillController {

	private static final int PAGE_SIZE = 50;

	private final RevenueMetrics metrics;

	AnalyticsDrillController(RevenueMetrics metrics) {
		this.metrics = metrics;
	}

	@GetMapping("/drill")
	String drill(@RequestParam String month, @RequestParam String detail,
			MetricsParams params, @RequestParam(defaultValue = "0") int page, Model model) {
		MetricsFilter filter = params.accounts();
		YearMonth yearMonth = requiredMonth(month);
		RevenueMetrics.Detail what = detail(detail);
		List<RevenueMetrics.Contribution> rows = contributions(filter, yearMonth, what);
		int from = Math.min(Math.max(0, page) * PAGE_SIZE, rows.size());
		model.addAttribute("page", new PageResult<>(rows.subList(from, Math.min(rows.size(), from + PAGE_SIZE)),
				rows.size(), Math.max(0, page), PAGE_SIZE));
		model.addAttribute("total", rows.stream().mapToLong(RevenueMetrics.Contribution::amount).sum());
		// Not "month" and "detail": Thymeleaf keeps names that are also request parameters out of message keys.
		model.addAttribute("drillMonth", yearMonth.toString());
		model.addAttribute("drillDetail", what);
		model.addAttribute("filter", filter);
		model.addAttribute("windowStart", yearMonth.minusMonths(metrics.settings().retentionWindowMonths()));
		return "metrics/drill";
	}

	@GetMapping("/answers")
	String answers(@RequestParam String month, @RequestParam String kind,
			MetricsParams params, @RequestParam(defaultValue = "0") int page, Model model) {
		MetricsFilter filter = params.accounts();
		YearMonth yearMonth = requiredMonth(month);
		io.kizuna.surveys.SurveyKind surveyKind = surveyKind(kind);
		List<RevenueMetrics.Answer> rows = metrics.answers(filter, yearMonth, surveyKind);
		int from = Math.min(Math.max(0, page) * PAGE_SIZE, rows.size());
		model.addAttribute("page", new PageResult<>(rows.subList(from, Math.min(rows.size(), from + PAGE_SIZE)),
				rows.size(), Math.max(0, page), PAGE_SIZE));
		model.addAttribute("drillMonth", yearMonth.toString());
		model.addAttribute("surveyKind", surveyKind);
		model.addAttribute("filter", filter);
		return "metrics/answers";
	}

	@GetMapping("/answers.csv")
	void answersCsv(@RequestParam String month, @RequestParam String kind,
			MetricsParams params, HttpServletResponse response) throws IOException {
		MetricsFilter filter = params.accounts();
		YearMonth yearMonth = requiredMonth(month);
		io.kizuna.surveys.SurveyKind surveyKind = surveyKind(kind);
		CSVPrinter csv = csv(response, "kizuna-" + surveyKind.name().toLowerCase(Locale.ROOT) + "-" + yearMonth + ".csv",
				"account_id", "account", "survey", "score");
		for (RevenueMetrics.Answer row : metrics.answers(filter, yearMonth, surveyKind)) {
			csv.printRecord(row.account().value(), row.name(), row.kind(), row.score());
		}
		csv.flush();
	}

	static io.kizuna.surveys.SurveyKind surveyKind(String kind) {
		try {
			return io.kizuna.surveys.SurveyKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			throw new InvalidRequest("survey.import.kindUnknown", kind);
		}
	}

	@GetMapping("/drill.csv")
	void drillCsv(@RequestParam String month, @RequestParam String detail,
			MetricsParams params, HttpServletResponse response) throws IOException {
		MetricsFilter filter = params.accounts();
		YearMonth yearMonth = requiredMonth(month);
		RevenueMetrics.Detail what = detail(detail);
		List<RevenueMetrics.Contribution> rows = contributions(filter, yearMonth, what);
		CSVPrinter csv = csv(response, "kizuna-" + what.name().toLowerCase(Locale.ROOT) + "-" + yearMonth + ".csv",
				"account_id", "account", "amount", "mrr_before", "mrr_after", "expected_value");
		for (RevenueMetrics.Contribution row : rows) {
			csv.printRecord(row.account().value(), row.name(), plain(row.amount()), plain(row.before()),
					plain(row.after()), row.expectedValue() == null ? "" : row.expectedValue().toPlainString());
		}
		csv.flush();
	}

	@GetMapping("/movements.csv")
	void movementsCsv(MetricsParams params, HttpServletResponse response) throws IOException {
		MetricsFigures figures = figures(params);
		CSVPrinter csv = csv(response, "kizuna-mrr-movements.csv", "month", "start_mrr", "new", "expansion",
				"reactivation", "contraction", "churn", "end_mrr", "customers", "arpa", "logo_churn_rate",
				"gross_mrr_churn_rate", "net_mrr_churn_rate", "grr", "nrr");
		for (int i = 0; i <= figures.last(); i++) {
			MetricsReport.Month m = figures.report().months().get(i);
			csv.printRecord(RevenueMetrics.yearMonth(m.month()), plain(m.startMrr()), plain(m.movement(Movement.NEW)),
					plain(m.movement(Movement.EXPANSION)), plain(m.movement(Movement.REACTIVATION)),
					plain(m.movement(Movement.CONTRACTION)), plain(m.movement(Movement.CHURN)), plain(m.endMrr()),
					m.customersEnd(), figures.arpa(i), figures.logoChurnRate(i, i), figures.grossMrrChurnRate(i, i),
					figures.netMrrChurnRate(i, i), figures.grr(i), figures.nrr(i));
		}
		csv.flush();
	}

	@GetMapping("/cohorts.csv")
	void cohortsCsv(MetricsParams params, @RequestParam(defaultValue = "logo") String kind,
			HttpServletResponse response) throws IOException {
		MetricsFigures figures = figures(params);
		DashboardData data = DashboardData.of(figures, "");
		List<String> header = new ArrayList<>(List.of("cohort", "customers", "start_mrr", "model_ltv"));
		for (int age = 0; age <= figures.last(); age++) {
			header.add("month_" + age);
		}
		boolean revenue = "revenue".equals(kind);
		CSVPrinter csv = csv(response, "kizuna-cohorts-" + (revenue ? "revenue" : "logo") + ".csv",
				header.toArray(String[]::new));
		for (DashboardData.CohortRow row : data.cohorts()) {
			List<Object> record = new ArrayList<>(List.of(row.month(), row.size(), row.startMrr().toPlainString(),
					row.modelLtv() == null ? "" : row.modelLtv().toPlainString()));
			record.addAll(revenue ? row.revenueRetention() : row.logoRetention());
			csv.printRecord(record);
		}
		csv.flush();
	}

	private MetricsFigures figures(MetricsParams params) {
		return metrics.figures(params.filter());
	}

	private List<RevenueMetrics.Contribution> contributions(MetricsFilter filter, YearMonth month,
			RevenueMetrics.Detail detail) {
		return metrics.drill(filter, month, detail);
	}

	static YearMonth requiredMonth(String month) {
		YearMonth parsed = MetricsFilter.month(month);
		if (parsed == null) {
			throw new InvalidRequest("metrics.month.invalid", month);
		}
		return parsed;
	}

	static RevenueMetrics.Detail detail(String detail) {
		try {
			return RevenueMetrics.Detail.valueOf(detail.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			throw new InvalidRequest("metrics.detail.invalid", detail);
		}
	}

	private static String plain(long units) {
		return MetricsFigures.amount(units).stripTrailingZeros().toPlainString();
	}

	private static CSVPrinter csv(HttpServletResponse response, String filename, String... header) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
		Writer out = response.getWriter();
		out.write('\uFEFF');
		return CSVFormat.DEFAULT.builder().setHeader(header).get().print(out);
	}
}
