package io.kizuna.accounts.internal;

import java.time.LocalDate;

import io.kizuna.accounts.LifecycleStage;
import io.kizuna.accounts.SizeBand;
import io.kizuna.identity.UserId;
import io.kizuna.shared.PageQuery;

/**
 * The account table's filters: text over name and domains, stage, owner CSM, plan, size band, and a
 * renewal window (renewing between {@code renewalFrom} and {@code renewalTo}, both included).
 */
record AccountQuery(String text, LifecycleStage stage, UserId owner, String plan, SizeBand size,
		LocalDate renewalFrom, LocalDate renewalTo, PageQuery page) {

	/** The filters as the request carried them; {@code renewal} is "renewing within this many days". */
	record Filter(String q, LifecycleStage stage, UserId owner, String plan, SizeBand size, Integer renewal) {

		AccountQuery toQuery(LocalDate today, PageQuery page) {
			Integer days = renewal == null ? null : Math.clamp(renewal, 0, 3660);
			return new AccountQuery(q, stage, owner, plan, size, days == null ? null : today,
					days == null ? null : today.plusDays(days), page);
		}
	}

	/** Sortable columns and the SQL behind them; anything else sorts by name. */
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
