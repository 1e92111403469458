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
		List<Map.Entry<EventDay, Long>> entries = new ArrayList<>(counts.entrySet());
		int[][] updated = jdbc.batchUpdate("update usage_daily set events = events + ? where account_id = ? and usage_day = ?"
				+ " and event = ?", entries, 500, (ps, e) -> {
					ps.setLong(1, e.getValue());
					ps.setObject(2, e.getKey().account());
					ps.setDate(3, Date.valueOf(e.getKey().day()));
					ps.setString(4, e.getKey().event());
				});
		List<Map.Entry<EventDay, Long>> missing = missing(entries, updated);
		jdbc.batchUpdate("insert into usage_daily (account_id, usage_day, event, events) values (?, ?, ?, ?)", missing, 500,
				(ps, e) -> {
					ps.setObject(1, e.getKey().account());
					ps.setDate(2, Date.valueOf(e.getKey().day()));
					ps.setString(3, e.getKey().event());
					ps.setLong(4, e.getValue());
				});
	}

	void addUsers(Map<UserDay, Long> counts) {
		List<Map.Entry<UserDay, Long>> entries = new ArrayList<>(counts.entrySet());
		int[][] updated = jdbc.batchUpdate("update usage_daily_user set events = events + ? where account_id = ?"
				+ " and usage_day = ? and user_key = ?", entries, 500, (ps, e) -> {
					ps.setLong(1, e.getValue());
					ps.setObject(2, e.getKey().account());
					ps.setDate(3, Date.valueOf(e.getKey().day()));
					ps.setString(4, e.getKey().user());
				});
		List<Map.Entry<UserDay, Long>> missing = missing(entries, updated);
		jdbc.batchUpdate("insert into usage_daily_user (account_id, usage_day, user_key, events) values (?, ?, ?, ?)", missing,
				500, (ps, e) -> {
					ps.setObject(1, e.getKey().account());
					ps.setDate(2, Date.valueOf(e.getKey().day()));
					ps.setString(3, e.getKey().user());
					ps.setLong(4, e.getValue());
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
		List<Map.Entry<PendingEvent, Long>> entries = new ArrayList<>(counts.entrySet());
		int[][] updated = jdbc.batchUpdate("update usage_pending_daily set events = events + ? where source_id = ?"
				+ " and group_id = ? and usage_day = ? and event = ?", entries, 500, (ps, e) -> {
					ps.setLong(1, e.getValue());
					ps.setObject(2, e.getKey().source());
					ps.setString(3, e.getKey().group());
					ps.setDate(4, Date.valueOf(e.getKey().day()));
					ps.setString(5, e.getKey().event());
				});
		jdbc.batchUpdate("insert into usage_pending_daily (source_id, group_id, usage_day, event, events)"
				+ " values (?, ?, ?, ?, ?)", missing(entries, updated), 500, (ps, e) -> {
					ps.setObject(1, e.getKey().source());
					ps.setString(2, e.getKey().group());
					ps.setDate(3, Date.valueOf(e.getKey().day()));
					ps.setString(4, e.getKey().event());
					ps.setLong(5, e.getValue());
				});
	}

	void addPendingUsers(Map<PendingUser, Long> counts) {
		List<Map.Entry<PendingUser, Long>> entries = new ArrayList<>(counts.entrySet());
		int[][] updated = jdbc.batchUpdate("update usage_pending_user set events = events + ? where source_id = ?"
				+ " and group_id = ? and usage_day = ? and user_key = ?", entries, 500, (ps, e) -> {
					ps.setLong(1, e.getValue());
					ps.setObject(2, e.getKey().source());
					ps.setString(3, e.getKey().group());
					ps.setDate(4, Date.valueOf(e.getKey().day()));
					ps.setString(5, e.getKey().user());
				});
		jdbc.batchUpdate("insert into usage_pending_user (source_id, group_id, usage_day, user_key, events)"
				+ " values (?, ?, ?, ?, ?)", missing(entries, updated), 500, (ps, e) -> {
					ps.setObject(1, e.getKey().source());
					ps.setString(2, e.getKey().group());
					ps.setDate(3, Date.valueOf(e.getKey().day()));
					ps.setString(4, e.getKey().user());
					ps.setLong(5, e.getValue());
				});
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
