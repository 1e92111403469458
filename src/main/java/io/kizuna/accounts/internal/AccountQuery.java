package io.kizuna.accounts.internal;

import java.time.LocalDate;
import java.util.Map;

import io.kizuna.accounts.LifecycleStage;
import io.kizuna.accounts.SizeBand;
import io.kizuna.identity.UserId;
import io.kizuna.shared.PageQuery;

/**
 * The account table's filters: text over name and domains, stage, owner CSM, plan, size band, and a
 * renewal window (renewing between {@code renewalFrom} and {@code renewalTo}, both included).
 */
record AccountQuery(String text, LifecycleStage stage, UserId owner, String plan, SizeBand size,
		LocalDate renewalFrom, LocalDate renewalTo, Map<String, String> custom, PageQuery page, String band,
		String segment) {

	AccountQuery {
		custom = custom == null ? Map.of() : Map.copyOf(custom);
	}

	AccountQuery(String text, LifecycleStage stage, UserId owner, String plan, SizeBand size, LocalDate renewalFrom,
			LocalDate renewalTo, Map<String, String> custom, PageQuery page) {
		this(text, stage, owner, plan, size, renewalFrom, renewalTo, custom, page, null, null);
	}

	/**
	 * The filters as the request carried them; {@code renewal} is "renewing within this many days", {@code band}
	 * a health band (GOOD, NEUTRAL, AT_RISK) and {@code segment} a segment's key.
	 */
	record Filter(String q, LifecycleStage stage, UserId owner, String plan, SizeBand size, Integer renewal,
			String band, String segment) {

		/** {@code parameters} are all the request's parameters; those named {@code cf.<key>} filter by a custom field. */
		AccountQuery toQuery(LocalDate today, Map<String, String> parameters, PageQuery page) {
			Integer days = renewal == null ? null : Math.clamp(renewal, 0, 3660);
			Map<String, String> custom = new java.util.TreeMap<>();
			parameters.forEach((name, value) -> {
				if (name.startsWith(CUSTOM_PREFIX) && value != null && !value.isBlank()) {
					custom.put(name.substring(CUSTOM_PREFIX.length()), value);
				}
			});
			return new AccountQuery(q, stage, owner, plan, size, days == null ? null : today,
					days == null ? null : today.plusDays(days), custom, page, band, segment);
		}
	}

	static final String CUSTOM_PREFIX = "cf.";

	/** Sortable columns and the SQL behind them; anything else (health, trend, segment: index only) sorts by name. */
	static String sortColumn(String sort) {
		return switch (sort == null ? "" : sort) {
			case "employees" -> "a.employee_count";
			case "stage" -> "a.lifecycle_stage";
			case "plan" -> "a.plan";
			case "updatedAt" -> "a.updated_at";
			case "mrr" -> "a.mrr_reporting";
			case "renewal" -> "a.renewal_date";
			default -> "a.name";
		};
	}
}
