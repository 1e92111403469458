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
			long monthlyActive, long events, long sessions, double averageMinutesPerUserDay,
			List<UsageRollups.EventCount> topEvents, List<TopUser> topUsers, List<Features.Use> features,
			List<String> neverUsed, List<UsageRollups.WeekAdoption> adoption) {

		/** The busiest day's active users, for scaling the bars of the chart. */
		public long peak() {
			return days.stream().mapToLong(UsageRollups.Day::activeUsers).max().orElse(0);
		}

		/** The most features used in a week, for scaling the adoption chart. */
		public int adoptionPeak() {
			return adoption.stream().mapToInt(UsageRollups.WeekAdoption::features).max().orElse(0);
		}
	}

	/** A most active user, by name or e-mail when the product said who they are. */
	record TopUser(String userId, String name, String email, long events, long days, long minutes) {

		public String label() {
			return name != null ? name : email != null ? email : userId;
		}
	}

	private static final int ADOPTION_WEEKS = 12;

	private final UsageRollups rollups;

	private final Features features;

	private final AccountRecords accounts;

	private final Clock clock;

	private final ZoneId zone;

	private final UsageIdentities identities;

	AccountUsage(UsageRollups rollups, Features features, AccountRecords accounts, UsageIdentities identities, Clock clock,
			@Value("${kizuna.default-time-zone:Asia/Tokyo}") ZoneId zone) {
		this.rollups = rollups;
		this.identities = identities;
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
		UsageRollups.Time time = rollups.time(account.value(), from, to);
		LocalDate thisMonday = to.minusDays(to.getDayOfWeek().getValue() - 1L);
		return new Summary(from, to, series, series.getLast().activeUsers(),
				rollups.activeUsers(account.value(), to.minusDays(6), to),
				rollups.activeUsers(account.value(), to.minusDays(29), to), events, time.sessions(),
				time.minutesPerUserDay(), rollups.topEvents(account.value(), from, to, 10),
				topUsers(account.value(), from, to), uses,
				// Named features this account has never used at all: where onboarding or a guide could help.
				uses.stream().filter(f -> !f.everUsed()).map(Features.Use::feature).toList(),
				rollups.adoption(account.value(), thisMonday.minusWeeks(ADOPTION_WEEKS - 1L), ADOPTION_WEEKS));
	}

	private List<TopUser> topUsers(java.util.UUID account, LocalDate from, LocalDate to) {
		List<UsageRollups.TopUser> top = rollups.topUsers(account, from, to, 10);
		// User keys are "<source>/<user id>"; their names come from what identify calls said.
		var keys = top.stream().map(t -> {
			int slash = t.userKey().indexOf('/');
			return new UsageIdentities.Key(java.util.UUID.fromString(t.userKey().substring(0, slash)),
					t.userKey().substring(slash + 1));
		}).toList();
		var known = identities.users(keys);
		List<TopUser> users = new java.util.ArrayList<>();
		for (int i = 0; i < top.size(); i++) {
			UsageIdentities.User user = known.get(keys.get(i));
			UsageRollups.TopUser t = top.get(i);
			users.add(new TopUser(keys.get(i).id(), user == null ? null : user.name, user == null ? null : user.email,
					t.events(), t.days(), t.minutes()));
		}
		return users;
	}
}
