package io.kizuna.accounts.internal;

import io.kizuna.accounts.LifecycleStage;
import io.kizuna.accounts.SizeBand;
import io.kizuna.identity.UserId;
import io.kizuna.shared.PageQuery;

/** The account table's filters: text over name and domains, stage, owner CSM, plan, size band. */
record AccountQuery(String text, LifecycleStage stage, UserId owner, String plan, SizeBand size, PageQuery page) {

	/** Sortable columns and the SQL behind them; anything else sorts by name. */
	static String sortColumn(String sort) {
		return switch (sort == null ? "" : sort) {
			case "employees" -> "a.employee_count";
			case "stage" -> "a.lifecycle_stage";
			case "plan" -> "a.plan";
			case "updatedAt" -> "a.updated_at";
			default -> "a.name";
		};
	}
}
