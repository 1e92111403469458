package io.kizuna.timeline.internal;

import java.time.Instant;
import java.util.List;

import io.kizuna.shared.Money;

/** A timeline entry as the page shows it: labels come from {@code kind} and {@code action}. */
public record TimelineView(TimelineKind kind, String action, Instant occurredAt, String title, String detail,
		List<String> fields, Money before, Money after, String actor) {

	public String labelKey() {
		return "timeline." + kind.name() + "." + action;
	}

	/** The message keys of the changed fields' labels. */
	public List<String> fieldKeys() {
		String prefix = kind == TimelineKind.SUBSCRIPTION ? "subscription." : "account.";
		return fields.stream().map(field -> prefix + field).toList();
	}

	public boolean amountChanged() {
		return before != null && after != null && before.compareTo(after) != 0;
	}
}
