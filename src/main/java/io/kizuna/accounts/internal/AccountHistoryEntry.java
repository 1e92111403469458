package io.kizuna.accounts.internal;

import java.time.Instant;
import java.util.List;

import io.kizuna.accounts.AccountChanged;

/** One save in an account's history as the page shows it: when, who (by name), and each field's change. */
public record AccountHistoryEntry(Instant at, String by, AccountChanged.Kind kind, List<Change> changes) {

	/** One changed field; {@code field} is the key of its {@code account.*} label. */
	public record Change(String field, String oldValue, String newValue) {
	}
}
