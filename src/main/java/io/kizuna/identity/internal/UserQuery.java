package io.kizuna.identity.internal;

import io.kizuna.identity.Role;
import io.kizuna.shared.PageQuery;

/** The filters of the user table: free text over username, name and e-mail; role; status. */
record UserQuery(String text, Role role, User.Status status, PageQuery page) {

	/** Sortable columns and the SQL behind them; anything else sorts by username. */
	static String sortColumn(String sort) {
		return switch (sort == null ? "" : sort) {
			case "displayName" -> "lower(u.display_name)";
			case "createdAt" -> "u.created_at";
			case "lastLoginAt" -> "u.last_login_at";
			default -> "u.username";
		};
	}
}
