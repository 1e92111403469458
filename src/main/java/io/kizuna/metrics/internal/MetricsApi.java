package io.kizuna.metrics.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import io.kizuna.shared.PageResult;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/metrics")
@Tag(name = "Metrics", description = "SaaS metrics and retention forecasts")
@PreAuthorize("hasRole('VIEWER')")
class MetricsApi {

	private final RevenueMetrics metrics;

	private final MetricsFormat format;

	MetricsApi(RevenueMetrics metrics, MetricsFormat format) {
		this.metrics = metrics;
		this.format = format;
	}

	@GetMapping
	@Operation(summary = "Every dashboard figure for a filter and a range of months",
			description = "MRR and its movements per month, ARR, customers, ARPA, logo and MRR churn rates, GRR and "
					+ "NRR over the configured window, expansion, LTV (simple and sBG-based) and cohort retention. "
					+ "Amounts are in the reporting currency; rates are fractions; an undefined rate is null. "
					+ "503 while the history is still being read after a start.")
	DashboardData metrics(@org.springdoc.core.annotations.ParameterObject MetricsParams params) {
		return DashboardData.of(metrics.figures(params.filter()),
				format.currency().getCurrencyCode());
	}

	/** {@code expectedValue}: for paying customers, MRR × gross margin × the model's discounted expected further months. */
	record ContributionView(UUID accountId, String account, BigDecimal amount, BigDecimal mrrBefore,
			BigDecimal mrrAfter, BigDecimal expectedValue) {
	}

	@GetMapping("/drill")
	@Operation(summary = "The accounts behind one figure of one month",
			description = "detail: new, expansion, contraction, churn, reactivation (the movement's accounts and "
					+ "amounts), customers (paying at the month's end, with MRR) or retention (the GRR/NRR cohort, "
					+ "with MRR at the window's start and at the month's end). Largest first.")
	PageResult<ContributionView> drill(@RequestParam String month, @RequestParam String detail,
			@org.springdoc.core.annotations.ParameterObject MetricsParams params, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		int pageSize = Math.clamp(size, 1, 500);
		int pageNumber = Math.max(0, page);
		List<RevenueMetrics.Contribution> rows = metrics.drill(params.accounts(),
				AnalyticsDrillController.requiredMonth(month), AnalyticsDrillController.detail(detail));
		int from = (int) Math.min((long) pageNumber * pageSize, rows.size());
		List<ContributionView> items = rows.subList(from, Math.min(rows.size(), from + pageSize))
			.stream()
			.map(c -> new ContributionView(c.account().value(), c.name(), MetricsFigures.amount(c.amount()),
					MetricsFigures.amount(c.before()), MetricsFigures.amount(c.after()), c.expectedValue()))
			.toList();
		return new PageResult<>(items, rows.size(), pageNumber, pageSize);
	}
}
