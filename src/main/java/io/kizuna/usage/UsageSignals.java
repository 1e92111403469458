package io.kizuna.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.function.Consumer;

import io.kizuna.accounts.AccountId;

/**
 * What health scores read of product usage, from the daily rollups only: the active users of the last
 * 30 days and of the 30 before, how many of the named features were used lately, and when anyone was
 * last seen. Accounts with no usage at all are left out.
 */
public interface UsageSignals {

	/** One account's usage as of a day (the company's days, {@code kizuna.default-time-zone}). */
	record Signal(AccountId account, long activeUsers, long previousActiveUsers, int featuresUsed,
			int featuresNamed, Instant lastSeen) {
	}

	Map<AccountId, Signal> of(Collection<AccountId> accounts, LocalDate today);

	/** Every account's usage, in a few grouped queries (a full recompute of every score). */
	void forEach(LocalDate today, Consumer<Signal> signals);
}
