package io.kizuna.metrics.internal;

import java.time.YearMonth;

import io.kizuna.accounts.AccountRecords.AccountProfile;
import io.kizuna.accounts.SizeBand;
import io.kizuna.identity.UserId;

/**
 * Which accounts and months a dashboard looks at. Empty fields do not filter; {@code from} and
 * {@code to} default to the configured number of months up to the current one.
 */
record MetricsFilter(SizeBand segment, String plan, UserId owner, YearMonth from, YearMonth to) {

	MetricsFilter {
		plan = plan == null || plan.isBlank() ? null : plan.strip();
	}

	/**
	 * The filter as a request carries it, with a clear refusal for what cannot be read (a month must look
	 * like 2026-04, a segment must be one of the size bands).
	 */
	static MetricsFilter parse(String segment, String plan, String owner, String from, String to) {
		return new MetricsFilter(segment(segment), plan, owner(owner), month(from), month(to));
	}

	private static SizeBand segment(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return SizeBand.valueOf(value.strip());
		}
		catch (IllegalArgumentException unknown) {
			throw new io.kizuna.shared.InvalidRequest("metrics.segment.invalid", value);
		}
	}

	private static UserId owner(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return new UserId(java.util.UUID.fromString(value.strip()));
		}
		catch (IllegalArgumentException unknown) {
			throw new io.kizuna.shared.InvalidRequest("metrics.owner.invalid", value);
		}
	}

	static YearMonth month(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return YearMonth.parse(value.strip());
		}
		catch (java.time.format.DateTimeParseException unreadable) {
			throw new io.kizuna.shared.InvalidRequest("metrics.month.invalid", value);
		}
	}

	/** The owner as links carry it. */
	public java.util.UUID ownerId() {
		return owner == null ? null : owner.value();
	}

	boolean filtersAccounts() {
		return segment != null || plan != null || owner != null;
	}

	boolean matches(AccountProfile profile) {
		if (!filtersAccounts()) {
			return true;
		}
		if (profile == null) {
			return false;
		}
		return (segment == null || segment == profile.size()) && (plan == null || plan.equals(profile.plan()))
				&& (owner == null || owner.equals(profile.ownerCsm()));
	}

	/** The same accounts over a resolved range, which is what a cached report is keyed by. */
	MetricsFilter over(YearMonth first, YearMonth last) {
		return new MetricsFilter(segment, plan, owner, first, last);
	}
}
