package io.kizuna.usage.internal;

import static io.kizuna.shared.SqlTimes.utc;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Features named by an admin ({@code usage_feature_event}: event → feature and group), and their use per
 * account, read from the daily rollups.
 */
@Repository
class Features {

	/** One tracked event counted as a feature. */
	record Mapping(String event, String feature, String group) {
	}

	/** A feature's use by one account: events in the period (0 if none), and whether it was ever used. */
	record Use(String feature, String group, long events, boolean everUsed) {
	}

	private final JdbcTemplate jdbc;

	Features(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	List<Mapping> all() {
		return jdbc.query("select event, feature, feature_group from usage_feature_event order by feature_group, feature,"
				+ " event", (rs, n) -> new Mapping(rs.getString(1), rs.getString(2), rs.getString(3)));
	}

	/** Maps an event to a feature, replacing what it was mapped to before. */
	void map(Mapping mapping, Instant at) {
		jdbc.update("delete from usage_feature_event where event = ?", mapping.event());
		jdbc.update("insert into usage_feature_event (event, feature, feature_group, created_at) values (?, ?, ?, ?)",
				mapping.event(), mapping.feature(), mapping.group(), utc(at));
	}

	boolean unmap(String event) {
		return jdbc.update("delete from usage_feature_event where event = ?", event) == 1;
	}

	/** Event names seen in the last days that no feature counts yet, most frequent first. */
	List<String> unmappedEvents(LocalDate since, int limit) {
		return jdbc.query("select d.event from usage_daily d where d.usage_day >= ? and not exists"
				+ " (select 1 from usage_feature_event f where f.event = d.event)"
				+ " group by d.event order by sum(d.events) desc, d.event limit ?", (rs, n) -> rs.getString(1),
				Date.valueOf(since), limit);
	}

	/** Every feature with this account's use of it from {@code from} on, used ones first. */
	List<Use> uses(UUID account, LocalDate from) {
		Map<String, Use> byFeature = new LinkedHashMap<>();
		for (Mapping m : all()) {
			byFeature.putIfAbsent(m.feature(), new Use(m.feature(), m.group(), 0, false));
		}
		jdbc.query("select f.feature, sum(case when d.usage_day >= ? then d.events else 0 end)"
				+ " from usage_daily d join usage_feature_event f on f.event = d.event"
				+ " where d.account_id = ? group by f.feature", rs -> {
					Use known = byFeature.get(rs.getString(1));
					if (known != null) {
						byFeature.put(known.feature(), new Use(known.feature(), known.group(), rs.getLong(2), true));
					}
				}, Date.valueOf(from), account);
		List<Use> uses = new ArrayList<>(byFeature.values());
		uses.sort(java.util.Comparator.comparingLong((Use u) -> -u.events()).thenComparing(Use::feature));
		return uses;
	}
}
