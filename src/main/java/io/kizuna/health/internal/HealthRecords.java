package io.kizuna.health.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.kizuna.health.HealthBand;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored side of health: one history row per account and day on which its score, band or any
 * metric's value changed, the latest of which is the current score; and the band changes. The words of
 * an explanation are not stored, only what each reading said: points and shares follow from the values
 * and the scorecard when the score is shown.
 */
@Repository
@Transactional
class HealthRecords {

	/** One row: the score of a day (null score: no measure had data), what was read, and when. */
	record Day(UUID account, LocalDate day, UUID scorecard, Integer score, HealthBand band, String values,
			String readings, Instant computedAt) {

		boolean scored() {
			return score != null;
		}
	}

	/**
	 * The score of each day from {@code from} to {@code to}, from history rows in day order: a day without a
	 * row has the score of the latest row before it; days before the first row are left out.
	 */
	static List<Day> daily(List<Day> history, LocalDate from, LocalDate to) {
		List<Day> days = new ArrayList<>();
		Day current = null;
		int next = 0;
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			while (next < history.size() && !history.get(next).day().isAfter(day)) {
				current = history.get(next++);
			}
			if (current != null) {
				days.add(new Day(current.account(), day, current.scorecard(), current.score(), current.band(),
						current.values(), current.readings(), current.computedAt()));
			}
		}
		return days;
	}

	/** An account that moved into a band: where it was before, and its score then and now. */
	record Moved(UUID account, HealthBand before, int scoreBefore, int scoreAfter, Instant at) {
	}

	private static final String COLUMNS = "account_id, score_day, scorecard_id, score, band, metric_values, readings,"
			+ " computed_at";

	private static final int ROWS_PER_STATEMENT = 500;

	private final JdbcTemplate jdbc;

	HealthRecords(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	private static final io.kizuna.shared.SqlMerge DAYS = new io.kizuna.shared.SqlMerge("health_score_day",
			List.of("account_id", "score_day"), List.of(COLUMNS.split(",\\s*")),
			List.of("uuid", "date", "uuid", "integer", "varchar(10)", "varchar(1000)", "varchar(1000)",
					"timestamp with time zone"),
			"scorecard_id = v.scorecard_id, score = v.score, band = v.band, metric_values = v.metric_values,"
					+ " readings = v.readings, computed_at = v.computed_at",
			ROWS_PER_STATEMENT);

	/**
	 * Writes the days' rows: a new row, or the day's row replaced, hundreds to one statement, because a
	 * changed scorecard rewrites 100,000 rows at once.
	 */
	void store(List<Day> days) {
		DAYS.write(jdbc, days.stream()
			.map(d -> new Object[] { d.account(), Date.valueOf(d.day()), d.scorecard(), d.score(),
					d.band() == null ? null : d.band().name(), d.values(), d.readings(), io.kizuna.shared.SqlTimes.utc(d.computedAt()) })
			.toList());
	}

	/** The current score: the latest row, if it has one. */
	@Transactional(readOnly = true)
	Optional<Day> current(UUID account) {
		return jdbc.query("select " + COLUMNS + " from health_score_day where account_id = ?"
				+ " order by score_day desc fetch first 1 rows only", HealthRecords::day, account)
			.stream()
			.filter(Day::scored)
			.findFirst();
	}

	/** The scored rows from a day on, with the row before it (whose score held on that day). */
	@Transactional(readOnly = true)
	List<Day> history(UUID account, LocalDate from) {
		List<Day> days = new ArrayList<>(jdbc.query("select " + COLUMNS + " from health_score_day"
				+ " where account_id = ? and score_day < ? order by score_day desc fetch first 1 rows only",
				HealthRecords::day, account, Date.valueOf(from)));
		days.addAll(jdbc.query("select " + COLUMNS + " from health_score_day where account_id = ? and score_day >= ?"
				+ " order by score_day", HealthRecords::day, account, Date.valueOf(from)));
		return days.stream().filter(Day::scored).toList();
	}

	/** Each account's latest row on or before a day (what the engine starts from, and a backtest replays). */
	@Transactional(readOnly = true)
	Map<UUID, Day> asOf(LocalDate day) {
		Map<UUID, Day> found = new HashMap<>();
		jdbc.query("select h.account_id, h.score_day, h.scorecard_id, h.score, h.band, h.metric_values, h.readings,"
				+ " h.computed_at from health_score_day h join (select account_id, max(score_day) as last_day"
				+ " from health_score_day where score_day <= ? group by account_id) l"
				+ " on l.account_id = h.account_id and l.last_day = h.score_day", rs -> {
					Day d = day(rs, 0);
					found.put(d.account(), d);
				}, Date.valueOf(day));
		return found;
	}

	private static Day day(ResultSet rs, int n) throws SQLException {
		String band = rs.getString(5);
		return new Day(rs.getObject(1, UUID.class), rs.getDate(2).toLocalDate(), rs.getObject(3, UUID.class),
				(Integer) rs.getObject(4, Integer.class), band == null ? null : HealthBand.valueOf(band), rs.getString(6),
				rs.getString(7), rs.getTimestamp(8).toInstant());
	}

	/** The first and last day of any history, for the backtest form's bounds. */
	@Transactional(readOnly = true)
	Optional<LocalDate[]> historySpan() {
		return jdbc.query("select min(score_day), max(score_day) from health_score_day", (rs, n) -> {
			Date first = rs.getDate(1);
			return first == null ? null : new LocalDate[] { first.toLocalDate(), rs.getDate(2).toLocalDate() };
		}).stream().filter(java.util.Objects::nonNull).findFirst();
	}

	void bandChanged(List<io.kizuna.health.HealthBandChanged> changes) {
		if (changes.size() >= io.kizuna.shared.PostgresCopy.WORTH_FROM && postgres()) {
			// A changed weight moves tens of thousands of accounts between bands: one COPY, not as many inserts.
			io.kizuna.shared.PostgresCopy.into(jdbc, "health_band_change",
					List.of("account_id", "changed_at", "from_band", "to_band", "score_before", "score_after"),
					changes.stream()
						.map(c -> new Object[] { c.accountId().value(), c.at(), c.before().name(), c.after().name(),
								c.scoreBefore(), c.scoreAfter() })
						.toList());
			return;
		}
		jdbc.batchUpdate("insert into health_band_change (account_id, changed_at, from_band, to_band, score_before,"
				+ " score_after) values (?, ?, ?, ?, ?, ?)", changes, 1000, (ps, c) -> {
					ps.setObject(1, c.accountId().value());
					ps.setTimestamp(2, Timestamp.from(c.at()));
					ps.setString(3, c.before().name());
					ps.setString(4, c.after().name());
					ps.setInt(5, c.scoreBefore());
					ps.setInt(6, c.scoreAfter());
				});
	}

	/** The latest move of each account into this band since a moment (the caller checks it is still there). */
	@Transactional(readOnly = true)
	List<Moved> movedInto(HealthBand band, Instant since) {
		Map<UUID, Moved> latest = new HashMap<>();
		jdbc.query("select account_id, from_band, score_before, score_after, changed_at from health_band_change"
				+ " where changed_at >= ? and to_band = ? order by changed_at", rs -> {
					UUID account = rs.getObject(1, UUID.class);
					latest.put(account, new Moved(account, HealthBand.valueOf(rs.getString(2)), rs.getInt(3), rs.getInt(4),
							rs.getTimestamp(5).toInstant()));
				}, Timestamp.from(since), band.name());
		return List.copyOf(latest.values());
	}

	/** Demo data: history rows of past days, inserted once. */
	void insertHistory(List<Day> rows) {
		jdbc.batchUpdate("insert into health_score_day (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)", rows, 1000,
				(ps, d) -> {
					ps.setObject(1, d.account());
					ps.setDate(2, Date.valueOf(d.day()));
					ps.setObject(3, d.scorecard());
					ps.setObject(4, d.score());
					ps.setString(5, d.band() == null ? null : d.band().name());
					ps.setString(6, d.values());
					ps.setString(7, d.readings());
					ps.setTimestamp(8, Timestamp.from(d.computedAt()));
				});
	}

	/**
	 * New statistics for the planner after many rows were written at once (the first scoring of every
	 * account): PostgreSQL otherwise keeps planning for an empty table until autovacuum comes round.
	 */
	void refreshStatistics() {
		jdbc.execute(postgres() ? "analyze health_score_day" : "analyze");
	}

	/**
	 * After a recompute replaced most current rows (PostgreSQL): their old versions are cleared now, so that
	 * the next recompute does not wade through them, rather than when autovacuum comes round (or never, where
	 * it is turned off). Outside any transaction, as VACUUM must be; it does not block reads or writes.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
	void clearReplacedRows() {
		if (postgres()) {
			jdbc.execute("vacuum (analyze) health_score_day");
		}
	}

	private volatile Boolean postgres;

	private boolean postgres() {
		Boolean known = postgres;
		if (known == null) {
			known = "PostgreSQL".equals(jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName()));
			postgres = known;
		}
		return known;
	}
}
