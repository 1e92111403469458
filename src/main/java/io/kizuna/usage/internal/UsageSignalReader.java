package io.kizuna.usage.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import io.kizuna.accounts.AccountId;
import io.kizuna.usage.UsageSignals;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Usage signals from the daily rollups: four grouped queries, either for a batch of accounts (what the
 * feed just changed) or for all of them at once, so that neither path reads raw events.
 */
@Service
@Transactional(readOnly = true)
class UsageSignalReader implements UsageSignals {

	private static final int CHUNK = 500;

	private final JdbcTemplate jdbc;

	UsageSignalReader(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<AccountId, Signal> of(Collection<AccountId> accounts, LocalDate today) {
		Map<AccountId, Signal> signals = new HashMap<>();
		List<UUID> ids = accounts.stream().map(AccountId::value).distinct().toList();
		for (int from = 0; from < ids.size(); from += CHUNK) {
			List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
			String in = " and account_id in (" + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")";
			read(today, in, chunk.toArray(), s -> signals.put(s.account(), s));
		}
		return signals;
	}

	@Override
	public void forEach(LocalDate today, Consumer<Signal> signals) {
		read(today, "", new Object[0], signals);
	}

	private void read(LocalDate today, String in, Object[] ids, Consumer<Signal> signals) {
		Map<UUID, long[]> users = new HashMap<>();
		Date monthStart = Date.valueOf(today.minusDays(29));
		Date previousStart = Date.valueOf(today.minusDays(59));
		jdbc.query("select account_id, count(distinct case when usage_day >= ? then user_key end),"
				+ " count(distinct case when usage_day < ? then user_key end) from usage_daily_user"
				+ " where usage_day >= ? and usage_day <= ?" + in + " group by account_id", rs -> {
					users.put(rs.getObject(1, UUID.class), new long[] { rs.getLong(2), rs.getLong(3) });
				}, args(ids, monthStart, monthStart, previousStart, Date.valueOf(today)));
		Map<UUID, Integer> features = new HashMap<>();
		jdbc.query("select d.account_id, count(distinct f.feature) from usage_daily d"
				+ " join usage_feature_event f on f.event = d.event where d.usage_day >= ? and d.usage_day <= ?"
				+ in.replace("account_id", "d.account_id") + " group by d.account_id",
				rs -> {
					features.put(rs.getObject(1, UUID.class), rs.getInt(2));
				}, args(ids, monthStart, Date.valueOf(today)));
		Integer named = jdbc.queryForObject("select count(distinct feature) from usage_feature_event", Integer.class);
		Map<UUID, Timestamp> lastSeen = new HashMap<>();
		jdbc.query("select account_id, max(last_seen) from usage_user where account_id is not null" + in
				+ " group by account_id", rs -> {
					lastSeen.put(rs.getObject(1, UUID.class), rs.getTimestamp(2));
				}, ids);
		List<UUID> seen = new ArrayList<>(lastSeen.keySet());
		users.keySet().stream().filter(id -> !lastSeen.containsKey(id)).forEach(seen::add);
		for (UUID id : seen) {
			long[] active = users.getOrDefault(id, new long[2]);
			Timestamp last = lastSeen.get(id);
			signals.accept(new Signal(new AccountId(id), active[0], active[1], features.getOrDefault(id, 0),
					named == null ? 0 : named, last == null ? null : last.toInstant()));
		}
	}

	private static Object[] args(Object[] ids, Object... first) {
		Object[] all = java.util.Arrays.copyOf(first, first.length + ids.length);
		System.arraycopy(ids, 0, all, first.length, ids.length);
		return all;
	}
}
