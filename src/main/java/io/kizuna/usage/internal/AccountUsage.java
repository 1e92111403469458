package io.kizuna.usage.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import io.kizuna.accounts.AccountId;
import io.kizuna.accounts.AccountRecords;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** One account's usage over the last days, from the daily rollups only. */
@Service
@Transactional(readOnly = true)
class AccountUsage {

	/** Active users per day, the distinct users of the last 7 and 30 days, and the most used events. */
	record Summary(LocalDate from, LocalDate to, List<UsageRollups.Day> days, long dailyActive, long weeklyActive,
			long monthlyActive, long events, List<UsageRollups.EventCount> topEvents, List<Features.Use> features,
			List<String> neverUsed) {

		/** The busiest day's active users, for scaling the bars of the chart. */
		public long peak() {
			return days.stream().mapToLong(UsageRollups.Day::activeUsers).max().orElse(0);
		}
	}

	private final UsageRollups rollups;

	private final Features features;

	private final AccountRecords accounts;

	private final Clock clock;

	private final ZoneId zone;

	AccountUsage(UsageRollups rollups, Features features, AccountRecords accounts, Clock clock,
			@Value("${kizuna.default-time-zone:Asia/Tokyo}") ZoneId zone) {
		this.rollups = rollups;
		this.features = features;
		this.accounts = accounts;
		this.clock = clock;
		this.zone = zone;
	}

	Summary of(AccountId account, int days) {
		accounts.require(account);
		LocalDate to = LocalDate.now(clock.withZone(zone));
		LocalDate from = to.minusDays(days - 1L);
		List<UsageRollups.Day> series = rollups.days(account.value(), from, to);
		long events = series.stream().mapToLong(UsageRollups.Day::events).sum();
		List<Features.Use> uses = features.uses(account.value(), from);
		return new Summary(from, to, series, series.getLast().activeUsers(),
				rollups.activeUsers(account.value(), to.minusDays(6), to),
				rollups.activeUsers(account.value(), to.minusDays(29), to), events,
				rollups.topEvents(account.value(), from, to, 10), uses,
				// Named features this account has never used at all: where onboarding or a guide could help.
				uses.stream().filter(f -> !f.everUsed()).map(Features.Use::feature).toList());
	}
}
