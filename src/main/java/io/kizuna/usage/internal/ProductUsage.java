package io.kizuna.usage.internal;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Usage across the whole customer base, from the daily rollups: active users and active accounts per
 * day, and for each named feature how many of the active accounts used it (adoption).
 */
@Service
@Transactional(readOnly = true)
class ProductUsage {

	record Day(LocalDate day, long activeUsers, long activeAccounts) {
	}

	record Adoption(String feature, String group, long accounts, double share) {
	}

	record Summary(LocalDate from, LocalDate to, List<Day> days, long activeAccounts, long activeUsers,
			List<Adoption> adoption, long unmatchedGroups) {

		public long peak() {
			return days.stream().mapToLong(Day::activeUsers).max().orElse(0);
		}
	}

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final ZoneId zone;

	ProductUsage(JdbcTemplate jdbc, Clock clock, @Value("${kizuna.default-time-zone:Asia/Tokyo}") ZoneId zone) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.zone = zone;
	}

	Summary last(int days) {
		LocalDate to = LocalDate.now(clock.withZone(zone));
		LocalDate from = to.minusDays(days - 1L);
		Map<LocalDate, long[]> byDay = new HashMap<>();
		jdbc.query("select usage_day, count(*), count(distinct account_id) from usage_daily_user"
				+ " where usage_day between ? and ? group by usage_day", rs -> {
					byDay.put(rs.getDate(1).toLocalDate(), new long[] { rs.getLong(2), rs.getLong(3) });
				}, Date.valueOf(from), Date.valueOf(to));
		List<Day> series = new ArrayList<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			long[] counts = byDay.getOrDefault(day, new long[2]);
			series.add(new Day(day, counts[0], counts[1]));
		}
		long accounts = count("select count(distinct account_id) from usage_daily_user where usage_day between ? and ?",
				from, to);
		long users = count("select count(distinct user_key) from usage_daily_user where usage_day between ? and ?",
				from, to);
		List<Adoption> adoption = jdbc.query("""
				select f.feature, max(f.feature_group), count(distinct d.account_id)
				from usage_feature_event f left join usage_daily d on d.event = f.event and d.usage_day between ? and ?
				group by f.feature order by count(distinct d.account_id) desc, f.feature""",
				(rs, n) -> new Adoption(rs.getString(1), rs.getString(2), rs.getLong(3),
						accounts == 0 ? 0 : rs.getLong(3) / (double) accounts),
				Date.valueOf(from), Date.valueOf(to));
		Long unmatched = jdbc.queryForObject("select count(*) from usage_group where account_id is null", Long.class);
		return new Summary(from, to, series, accounts, users, adoption, unmatched == null ? 0 : unmatched);
	}

	private long count(String sql, LocalDate from, LocalDate to) {
		Long count = jdbc.queryForObject(sql, Long.class, Date.valueOf(from), Date.valueOf(to));
		return count == null ? 0 : count;
	}
}
