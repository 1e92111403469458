package io.kizuna.metrics.internal;

import io.swagger.v3.oas.annotations.Parameter;

/**
 * The filter as the query string carries it ({@code ?segment=SMB&plan=Growth&owner=…&from=2025-01&to=2025-12}),
 * bound by Spring MVC for every page, export and API call of the metrics.
 */
record MetricsParams(
		@Parameter(description = "Size band: SMB, MID_MARKET, ENTERPRISE or UNKNOWN") String segment,
		@Parameter(description = "The accounts' plan") String plan,
		@Parameter(description = "Owner CSM's user id") String owner,
		@Parameter(description = "First month, e.g. 2025-01") String from,
		@Parameter(description = "Last month, e.g. 2025-12") String to) {

	MetricsFilter filter() {
		return MetricsFilter.parse(segment, plan, owner, from, to);
	}

	/** Only which accounts: drill-downs name their one month themselves. */
	MetricsFilter accounts() {
		return MetricsFilter.parse(segment, plan, owner, null, null);
	}
}
