package io.kizuna.metrics.internal;

import java.util.List;
import java.util.TreeSet;

import io.kizuna.accounts.SizeBand;
import io.kizuna.identity.Role;
import io.kizuna.identity.UserDirectory;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The executive dashboard: key figures, charts drawn in the browser from {@code /analytics/data},
 * the monthly movements table and the cohort heat-maps, all for one filter.
 */
@Controller
@RequestMapping("/analytics")
@PreAuthorize("hasRole('VIEWER')")
class AnalyticsController {

	private final RevenueMetrics metrics;

	private final MetricsFormat format;

	private final MrrLedger ledger;

	private final UserDirectory directory;

	AnalyticsController(RevenueMetrics metrics, MetricsFormat format, MrrLedger ledger, UserDirectory directory) {
		this.metrics = metrics;
		this.format = format;
		this.ledger = ledger;
		this.directory = directory;
	}

	@GetMapping
	String dashboard(MetricsParams params, Model model) {
		MetricsFilter filter = params.filter();
		filters(model, filter);
		if (!metrics.ready()) {
			model.addAttribute("preparing", true);
			return "metrics/dashboard";
		}
		MetricsFilter resolved = metrics.resolved(filter);
		model.addAttribute("range", resolved);
		model.addAttribute("data", data(resolved));
		return "metrics/dashboard";
	}

	@GetMapping(path = "/data", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	DashboardData data(MetricsParams params) {
		return data(params.filter());
	}

	@GetMapping("/definitions")
	String definitions(Model model) {
		model.addAttribute("settings", metrics.settings());
		return "metrics/definitions";
	}

	private DashboardData data(MetricsFilter filter) {
		return DashboardData.of(metrics.figures(filter), format.currency().getCurrencyCode());
	}

	private void filters(Model model, MetricsFilter filter) {
		model.addAttribute("filter", filter);
		model.addAttribute("segments", List.of(SizeBand.values()));
		model.addAttribute("plans", plans());
		model.addAttribute("csms", directory.activeWithRole(Role.CSM));
		model.addAttribute("settings", metrics.settings());
	}

	private List<String> plans() {
		TreeSet<String> plans = new TreeSet<>();
		ledger.entries().forEach(entry -> {
			var profile = ledger.profile(entry.getKey());
			if (profile != null && profile.plan() != null) {
				plans.add(profile.plan());
			}
		});
		return List.copyOf(plans);
	}
}
