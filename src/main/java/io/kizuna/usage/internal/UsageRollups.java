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

	private final JdbcTemplate jdbc;

	UsageRollups(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds the counts: updates the rows that exist, inserts the others. */
	void addEvents(Map<EventDay, Long> counts) {
		add("usage_daily", "account_id, usage_day, event", counts,
				key -> new Object[] { key.account(), Date.valueOf(key.day()), key.event() });
	}

	void addUsers(Map<UserDay, Long> counts) {
		add("usage_daily_user", "account_id, usage_day, user_key", counts,
				key -> new Object[] { key.account(), Date.valueOf(key.day()), key.user() });
	}

	/**
	 * One way for all four count tables: add to the rows that exist in one batch, insert the ones that did
	 * not in another. ({@code MERGE} would do both at once, but H2 and PostgreSQL spell it differently.)
	 */
	private <K> void add(String table, String keyColumns, Map<K, Long> counts,
			java.util.function.Function<K, Object[]> keyValues) {
		if (counts.isEmpty()) {
			return;
		}
		List<Map.Entry<K, Long>> entries = new ArrayList<>(counts.entrySet());
		String[] columns = keyColumns.split(",\\s*");
		String where = String.join(" and ", java.util.Arrays.stream(columns).map(c -> c + " = ?").toList());
		int[][] updated = jdbc.batchUpdate("update " + table + " set events = events + ? where " + where, entries, 500,
				(ps, e) -> {
					ps.setLong(1, e.getValue());
					Object[] key = keyValues.apply(e.getKey());
					for (int i = 0; i < key.length; i++) {
						ps.setObject(i + 2, key[i]);
					}
				});
		String marks = String.join(", ", java.util.Collections.nCopies(columns.length + 1, "?"));
		jdbc.batchUpdate("insert into " + table + " (" + keyColumns + ", events) values (" + marks + ")",
				missing(entries, updated), 500, (ps, e) -> {
					Object[] key = keyValues.apply(e.getKey());
					for (int i = 0; i < key.length; i++) {
						ps.setObject(i + 1, key[i]);
					}
					ps.setLong(key.length + 1, e.getValue());
				});
	}

	private static <T> List<T> missing(List<T> entries, int[][] updated) {
		List<T> missing = new ArrayList<>();
		int i = 0;
		for (int[] chunk : updated) {
			for (int rows : chunk) {
				if (rows == 0) {
					missing.add(entries.get(i));
				}
				i++;
			}
		}
		return missing;
	}

	/** Use by a company no account matches yet, per group. */
	record PendingEvent(UUID source, String group, LocalDate day, String event) {
	}

	record PendingUser(UUID source, String group, LocalDate day, String user) {
	}

	void addPendingEvents(Map<PendingEvent, Long> counts) {
		add("usage_pending_daily", "source_id, group_id, usage_day, event", counts,
				key -> new Object[] { key.source(), key.group(), Date.valueOf(key.day()), key.event() });
	}

	void addPendingUsers(Map<PendingUser, Long> counts) {
		add("usage_pending_user", "source_id, group_id, usage_day, user_key", counts,
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
		Map<UserDay, Long> users = new java.util.HashMap<>();
		jdbc.query("select usage_day, user_key, events from usage_pending_user where source_id = ? and group_id = ?",
				rs -> {
					users.merge(new UserDay(account, rs.getDate(1).toLocalDate(), rs.getString(2)), rs.getLong(3),
							Long::sum);
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
}
