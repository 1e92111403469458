package io.kizuna.health.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import io.kizuna.health.HealthBand;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored side of health: each account's current score with its explanation (JSON, in the words of the
 * moment it was computed), and one history row per account and day on which its score or any metric's
 * value changed; a day without a row has the score of the latest day before it.
 */
@Repository
@Transactional
class HealthRecords {

	/**
	 * A score to store: the current one and that day's history row. {@code stored} and {@code storedToday}
	 * say whether those rows exist already (the engine knows), so that new rows are inserted straight away:
	 * an update that finds nothing costs a look-up per row, and on PostgreSQL, whose plans were made when the
	 * table was still empty, a scan of the whole table.
	 */
	record Scored(UUID account, UUID scorecard, int score, HealthBand band, String explanation, String values,
			LocalDate day, Instant at, boolean stored, boolean storedToday) {

		Scored(UUID account, UUID scorecard, int score, HealthBand band, String explanation, String values, LocalDate day,
				Instant at) {
			this(account, scorecard, score, band, explanation, values, day, at, true, true);
		}
	}

	/** An account's current score as stored. */
	record Current(UUID account, UUID scorecard, int score, HealthBand band, String explanation, Instant computedAt) {
	}

	/** One day of an account's history. */
	record Day(LocalDate day, int score, HealthBand band, String values) {
	}

	private final JdbcTemplate jdbc;

	HealthRecords(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Writes current scores and history rows: updates the rows that exist in one batch, inserts the others
	 * in another (also those an update did not find after all). Answers how many rows were inserted.
	 */
	int store(List<Scored> scores) {
		if (scores.isEmpty()) {
			return 0;
		}
		List<Scored> existing = scores.stream().filter(Scored::stored).toList();
		List<Scored> inserts = new ArrayList<>(scores.stream().filter(s -> !s.stored()).toList());
		int[][] updated = jdbc.batchUpdate("update health_score set scorecard_id = ?, score = ?, band = ?,"
				+ " explanation = ?, computed_at = ? where account_id = ?", existing, 1000, (ps, s) -> {
					ps.setObject(1, s.scorecard());
					ps.setInt(2, s.score());
					ps.setString(3, s.band().name());
					ps.setString(4, s.explanation());
					ps.setTimestamp(5, Timestamp.from(s.at()));
					ps.setObject(6, s.account());
				});
		inserts.addAll(missing(existing, updated));
		jdbc.batchUpdate("insert into health_score (account_id, scorecard_id, score, band, explanation, computed_at)"
				+ " values (?, ?, ?, ?, ?, ?)", inserts, 1000, (ps, s) -> {
					ps.setObject(1, s.account());
					ps.setObject(2, s.scorecard());
					ps.setInt(3, s.score());
					ps.setString(4, s.band().name());
					ps.setString(5, s.explanation());
					ps.setTimestamp(6, Timestamp.from(s.at()));
				});
		List<Scored> sameDay = scores.stream().filter(Scored::storedToday).toList();
		List<Scored> newDays = new ArrayList<>(scores.stream().filter(s -> !s.storedToday()).toList());
		int[][] days = jdbc.batchUpdate("update health_score_day set score = ?, band = ?, metric_values = ?"
				+ " where account_id = ? and score_day = ?", sameDay, 1000, (ps, s) -> {
					ps.setInt(1, s.score());
					ps.setString(2, s.band().name());
					ps.setString(3, s.values());
					ps.setObject(4, s.account());
					ps.setDate(5, Date.valueOf(s.day()));
				});
		newDays.addAll(missing(sameDay, days));
		jdbc.batchUpdate("insert into health_score_day (account_id, score_day, score, band, metric_values)"
				+ " values (?, ?, ?, ?, ?)", newDays, 1000, (ps, s) -> {
					ps.setObject(1, s.account());
					ps.setDate(2, Date.valueOf(s.day()));
					ps.setInt(3, s.score());
					ps.setString(4, s.band().name());
					ps.setString(5, s.values());
				});
		return inserts.size() + newDays.size();
	}

	/** The accounts that have a current score row. */
	@Transactional(readOnly = true)
	void forEachScored(Consumer<UUID> accounts) {
		jdbc.query("select account_id from health_score", rs -> {
			accounts.accept(rs.getObject(1, UUID.class));
		});
	}

	/**
	 * New statistics for the planner after many rows were inserted at once (the first scoring of every
	 * account): PostgreSQL keeps planning for an empty table until autovacuum comes round.
	 */
	void refreshStatistics() {
		String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
		jdbc.execute("PostgreSQL".equals(product) ? "analyze health_score, health_score_day" : "analyze");
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

	/** Accounts whose score is gone because no measure has data any more. */
	void forget(Collection<UUID> accounts) {
		jdbc.batchUpdate("delete from health_score where account_id = ?", accounts.stream().map(a -> new Object[] { a }).toList());
	}

	@Transactional(readOnly = true)
	Optional<Current> current(UUID account) {
		return jdbc.query("select account_id, scorecard_id, score, band, explanation, computed_at from health_score"
				+ " where account_id = ?", (rs, n) -> current(rs), account).stream().findFirst();
	}

	@Transactional(readOnly = true)
	void forEachCurrent(Consumer<Current> consumer) {
		jdbc.query("select account_id, scorecard_id, score, band, explanation, computed_at from health_score",
				rs -> {
					consumer.accept(current(rs));
				});
	}

	private static Current current(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Current(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
				HealthBand.valueOf(rs.getString(4)), rs.getString(5), rs.getTimestamp(6).toInstant());
	}

	/** The history rows from a day on, with the row before it (whose score held on that day). */
	@Transactional(readOnly = true)
	List<Day> history(UUID account, LocalDate from) {
		List<Day> days = new ArrayList<>(jdbc.query("select score_day, score, band, metric_values from health_score_day"
				+ " where account_id = ? and score_day < ? order by score_day desc fetch first 1 rows only", HealthRecords::day,
				account, Date.valueOf(from)));
		days.addAll(jdbc.query("select score_day, score, band, metric_values from health_score_day"
				+ " where account_id = ? and score_day >= ? order by score_day", HealthRecords::day, account,
				Date.valueOf(from)));
		return days;
	}

	/** Each account's last history row on or before a day (what a backtest replays). */
	@Transactional(readOnly = true)
	Map<UUID, Day> asOf(LocalDate day) {
		Map<UUID, Day> found = new HashMap<>();
		jdbc.query("select h.account_id, h.score_day, h.score, h.band, h.metric_values from health_score_day h"
				+ " join (select account_id, max(score_day) as last_day from health_score_day where score_day <= ?"
				+ " group by account_id) l on l.account_id = h.account_id and l.last_day = h.score_day", rs -> {
					found.put(rs.getObject(1, UUID.class), new Day(rs.getDate(2).toLocalDate(), rs.getInt(3),
							HealthBand.valueOf(rs.getString(4)), rs.getString(5)));
				}, Date.valueOf(day));
		return found;
	}

	private static Day day(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Day(rs.getDate(1).toLocalDate(), rs.getInt(2), HealthBand.valueOf(rs.getString(3)), rs.getString(4));
	}

	/** The first and last day of any history, for the backtest form's bounds. */
	@Transactional(readOnly = true)
	Optional<LocalDate[]> historySpan() {
		return jdbc.query("select min(score_day), max(score_day) from health_score_day", (rs, n) -> {
			Date first = rs.getDate(1);
			return first == null ? null : new LocalDate[] { first.toLocalDate(), rs.getDate(2).toLocalDate() };
		}).stream().filter(java.util.Objects::nonNull).findFirst();
	}

	/** An account that moved into a band: where it was before, and its score then and now. */
	record Moved(UUID account, int score, HealthBand before, int scoreBefore, LocalDate since) {
	}

	/**
	 * The accounts whose current band is this one but whose latest history row before the day was in
	 * another band ("moved to at risk this week"); an account scored for the first time has not moved.
	 */
	@Transactional(readOnly = true)
	List<Moved> movedInto(HealthBand band, LocalDate since, int limit) {
		return jdbc.query("select s.account_id, s.score, p.band, p.score, p.score_day from health_score s"
				+ " join health_score_day p on p.account_id = s.account_id and p.score_day = (select max(d.score_day)"
				+ " from health_score_day d where d.account_id = s.account_id and d.score_day < ?)"
				+ " where s.band = ? and p.band <> ? order by s.score, s.account_id fetch first " + limit + " rows only",
				(rs, n) -> new Moved(rs.getObject(1, UUID.class), rs.getInt(2), HealthBand.valueOf(rs.getString(3)),
						rs.getInt(4), rs.getDate(5).toLocalDate()),
				Date.valueOf(since), band.name(), band.name());
	}

	/** Demo data: history rows of past days, inserted once. */
	void insertHistory(List<Scored> rows) {
		jdbc.batchUpdate("insert into health_score_day (account_id, score_day, score, band, metric_values)"
				+ " values (?, ?, ?, ?, ?)", rows, 1000, (ps, s) -> {
					ps.setObject(1, s.account());
					ps.setDate(2, Date.valueOf(s.day()));
					ps.setInt(3, s.score());
					ps.setString(4, s.band().name());
					ps.setString(5, s.values());
				});
	}
}
