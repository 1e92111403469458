package io.kizuna.usage.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Daily usage per account ({@code usage_daily}, {@code usage_daily_user}): added to a batch at a time by
 * the feed, read by the usage API and pages.
 */
@Repository
class UsageRollups {

	record EventDay(UUID account, LocalDate day, String event) {
	}

	record UserDay(UUID account, LocalDate day, String user) {
	}

	/**
	 * What one user did on one day: events, sessions begun (an event more than 30 minutes after the user's
	 * previous one, or the first ever), and seconds of use (the time between events within a session).
	 */
	record Use(long events, long sessions, long seconds) {

		Use plus(Use other) {
			return new Use(events + other.events, sessions + other.sessions, seconds + other.seconds);
		}

		long[] counts() {
			return new long[] { events, sessions, seconds };
		}
	}

	private static final List<String> EVENTS = List.of("events");

	private static final List<String> USE = List.of("events", "sessions", "seconds");

	private final JdbcTemplate jdbc;

	UsageRollups(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds the counts: updates the rows that exist, inserts the others. */
	void addEvents(Map<EventDay, Long> counts) {
		add("usage_daily", "account_id, usage_day, event", EVENTS, counts, n -> new long[] { n },
				key -> new Object[] { key.account(), Date.valueOf(key.day()), key.event() });
	}

	void addUsers(Map<UserDay, Use> counts) {
		add("usage_daily_user", "account_id, usage_day, user_key", USE, counts, Use::counts,
				key -> new Object[] { key.account(), Date.valueOf(key.day()), key.user() });
	}

	/**
	 * One way for all four count tables: add to the rows that exist and insert the others, hundreds of
	 * rows to one {@code MERGE}, because a busy product sends tens of thousands of events a second.
	 */
	private <K, V> void add(String table, String keyColumns, List<String> counters, Map<K, V> counts,
			java.util.function.Function<V, long[]> values, java.util.function.Function<K, Object[]> keyValues) {
		if (counts.isEmpty()) {
			return;
		}
		List<String> keys = List.of(keyColumns.split(",\\s*"));
		List<String> columns = new ArrayList<>(keys);
		columns.addAll(counters);
		List<String> types = new ArrayList<>();
		for (String key : keys) {
			types.add(switch (key) {
				case "account_id", "source_id" -> "uuid";
				case "usage_day" -> "date";
				default -> "varchar(250)";
			});
		}
		counters.forEach(c -> types.add("bigint"));
		String set = String.join(", ", counters.stream().map(c -> c + " = t." + c + " + v." + c).toList());
		List<Object[]> rows = new ArrayList<>(counts.size());
		counts.forEach((key, value) -> {
			Object[] k = keyValues.apply(key);
			long[] v = values.apply(value);
			Object[] row = java.util.Arrays.copyOf(k, k.length + v.length);
			for (int i = 0; i < v.length; i++) {
				row[k.length + i] = v[i];
			}
			rows.add(row);
		});
		new io.kizuna.shared.SqlMerge(table, keys, columns, types, set, 500).write(jdbc, rows);
	}

	/** Use by a company no account matches yet, per group. */
	record PendingEvent(UUID source, String group, LocalDate day, String event) {
	}

	record PendingUser(UUID source, String group, LocalDate day, String user) {
	}

	void addPendingEvents(Map<PendingEvent, Long> counts) {
		add("usage_pending_daily", "source_id, group_id, usage_day, event", EVENTS, counts, n -> new long[] { n },
				key -> new Object[] { key.source(), key.group(), Date.valueOf(key.day()), key.event() });
	}

	void addPendingUsers(Map<PendingUser, Use> counts) {
		add("usage_pending_user", "source_id, group_id, usage_day, user_key", USE, counts, Use::counts,
				key -> new Object[] { key.source(), key.group(), Date.valueOf(key.day()), key.user() });
	}

	/** Moves a group's pending use into the account it now belongs to. */
	void settle(UUID source, String group, UUID account) {
		Map<EventDay, Long> events = new java.util.HashMap<>();
		jdbc.query("select usage_day, event, events from usage_pending_daily where source_id = ? and group_id = ?",
				rs -> {
					events.merge(new EventDay(account, rs.getDate(1).toLocalDate(), rs.getString(2)), rs.getLong(3),
							Long::sum);
				}, source, group);
		Map<UserDay, Use> users = new java.util.HashMap<>();
		jdbc.query("select usage_day, user_key, events, sessions, seconds from usage_pending_user"
				+ " where source_id = ? and group_id = ?", rs -> {
					users.merge(new UserDay(account, rs.getDate(1).toLocalDate(), rs.getString(2)),
							new Use(rs.getLong(3), rs.getLong(4), rs.getLong(5)), Use::plus);
				}, source, group);
		addEvents(events);
		addUsers(users);
		jdbc.update("delete from usage_pending_daily where source_id = ? and group_id = ?", source, group);
		jdbc.update("delete from usage_pending_user where source_id = ? and group_id = ?", source, group);
	}

	/** Per day from {@code from} to {@code to}: active users and events. */
	record Day(LocalDate day, long activeUsers, long events) {
	}

	List<Day> days(UUID account, LocalDate from, LocalDate to) {
		Map<LocalDate, Long> users = new java.util.HashMap<>();
		jdbc.query("select usage_day, count(*) from usage_daily_user where account_id = ? and usage_day between ? and ?"
				+ " group by usage_day",
				rs -> {
					users.put(rs.getDate(1).toLocalDate(), rs.getLong(2));
				}, account, Date.valueOf(from), Date.valueOf(to));
		Map<LocalDate, Long> events = new java.util.HashMap<>();
		jdbc.query("select usage_day, sum(events) from usage_daily where account_id = ? and usage_day between ? and ?"
				+ " group by usage_day",
				rs -> {
					events.put(rs.getDate(1).toLocalDate(), rs.getLong(2));
				}, account, Date.valueOf(from), Date.valueOf(to));
		List<Day> days = new ArrayList<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			days.add(new Day(day, users.getOrDefault(day, 0L), events.getOrDefault(day, 0L)));
		}
		return days;
	}

	/** Distinct users active between the two days (WAU over 7 days, MAU over 30). */
	long activeUsers(UUID account, LocalDate from, LocalDate to) {
		Long count = jdbc.queryForObject("select count(distinct user_key) from usage_daily_user where account_id = ?"
				+ " and usage_day between ? and ?", Long.class, account, Date.valueOf(from), Date.valueOf(to));
		return count == null ? 0 : count;
	}

	record EventCount(String event, long events) {
	}

	List<EventCount> topEvents(UUID account, LocalDate from, LocalDate to, int limit) {
		return jdbc.query("select event, sum(events) as n from usage_daily where account_id = ? and usage_day between ? and ?"
				+ " group by event order by n desc, event limit ?", (rs, i) -> new EventCount(rs.getString(1),
						rs.getLong(2)), account, Date.valueOf(from), Date.valueOf(to), limit);
	}

	/** Sessions, seconds of use and active user-days between two days (the average usage time's parts). */
	record Time(long sessions, long seconds, long userDays) {

		/** Minutes of use per active user and day, the "average usage time" KPI. */
		public double minutesPerUserDay() {
			return userDays == 0 ? 0 : Math.round(seconds / 6.0 / userDays) / 10.0;
		}
	}

	Time time(UUID account, LocalDate from, LocalDate to) {
		return jdbc.queryForObject("select coalesce(sum(sessions), 0), coalesce(sum(seconds), 0), count(*)"
				+ " from usage_daily_user where account_id = ? and usage_day between ? and ?",
				(rs, n) -> new Time(rs.getLong(1), rs.getLong(2), rs.getLong(3)), account, Date.valueOf(from),
				Date.valueOf(to));
	}

	/** One of an account's most active users: events, active days and minutes of use in the window. */
	record TopUser(String userKey, long events, long days, long minutes) {
	}

	List<TopUser> topUsers(UUID account, LocalDate from, LocalDate to, int limit) {
		return jdbc.query("select user_key, sum(events) as n, count(*), sum(seconds) from usage_daily_user"
				+ " where account_id = ? and usage_day between ? and ? group by user_key order by n desc, user_key limit ?",
				(rs, i) -> new TopUser(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4) / 60), account,
				Date.valueOf(from), Date.valueOf(to), limit);
	}

	/** Per week (from each Monday), how many of the named features the account used. */
	record WeekAdoption(LocalDate week, int features) {
	}

	List<WeekAdoption> adoption(UUID account, LocalDate firstMonday, int weeks) {
		Map<LocalDate, java.util.Set<String>> used = new java.util.TreeMap<>();
		jdbc.query("select distinct d.usage_day, f.feature from usage_daily d join usage_feature_event f on f.event = d.event"
				+ " where d.account_id = ? and d.usage_day >= ?", rs -> {
					LocalDate day = rs.getDate(1).toLocalDate();
					LocalDate monday = day.minusDays(day.getDayOfWeek().getValue() - 1L);
					used.computeIfAbsent(monday, k -> new java.util.HashSet<>()).add(rs.getString(2));
				}, account, Date.valueOf(firstMonday));
		List<WeekAdoption> series = new ArrayList<>();
		for (int w = 0; w < weeks; w++) {
			LocalDate week = firstMonday.plusWeeks(w);
			series.add(new WeekAdoption(week, used.getOrDefault(week, java.util.Set.of()).size()));
		}
		return series;
	}
}
