package io.kizuna.timeline.internal;

import static io.kizuna.shared.SqlTimes.instant;
import static io.kizuna.shared.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import io.kizuna.accounts.AccountId;
import io.kizuna.identity.UserId;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores the timeline in {@code timeline_entry}. */
@Repository
class TimelineEntries {

	private final JdbcClient jdbc;

	TimelineEntries(JdbcClient jdbc, JdbcTemplate batches) {
		this.jdbc = jdbc;
		this.batches = batches;
	}

	private static final String INSERT = """
			insert into timeline_entry (id, account_id, occurred_at, kind, action, title, detail, amount_before,
			                            amount_after, currency, actor_id, source_id)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private final JdbcTemplate batches;

	void insert(TimelineEntry e) {
		jdbc.sql(INSERT).params(values(e)).update();
	}

	void insertAll(List<TimelineEntry> batch) {
		batches.batchUpdate(INSERT, batch, 1000, (ps, e) -> {
			List<Object> values = values(e);
			for (int i = 0; i < values.size(); i++) {
				ps.setObject(i + 1, values.get(i));
			}
		});
	}

	private static List<Object> values(TimelineEntry e) {
		return java.util.Arrays.asList(e.id(), e.accountId().value(), utc(e.occurredAt()), e.kind().name(), e.action(),
				clip(e.title(), 200), clip(e.detail(), 1000), e.amountBefore(), e.amountAfter(), e.currency(),
				e.actor() == null ? null : e.actor().value(), e.sourceId());
	}

	/** Replaces the entry written for a source record (an activity that was edited). */
	void replaceSource(TimelineEntry e) {
		deleteSource(e.sourceId());
		insert(e);
	}

	void deleteSource(UUID sourceId) {
		jdbc.sql("delete from timeline_entry where source_id = ?").param(sourceId).update();
	}

	/** Newest first; {@code kind} null for everything. */
	List<TimelineEntry> of(AccountId account, TimelineKind kind, int limit) {
		return jdbc.sql("select * from timeline_entry where account_id = :account"
				+ (kind == null ? "" : " and kind = :kind") + " order by occurred_at desc, id limit :limit")
			.param("account", account.value())
			.param("kind", kind == null ? null : kind.name())
			.param("limit", limit)
			.query((rs, n) -> row(rs))
			.list();
	}

	private static TimelineEntry row(ResultSet rs) throws SQLException {
		UUID actor = rs.getObject("actor_id", UUID.class);
		return new TimelineEntry(rs.getObject("id", UUID.class), new AccountId(rs.getObject("account_id", UUID.class)),
				instant(rs, "occurred_at"), TimelineKind.valueOf(rs.getString("kind")), rs.getString("action"),
				rs.getString("title"), rs.getString("detail"), rs.getBigDecimal("amount_before"),
				rs.getBigDecimal("amount_after"), rs.getString("currency"), actor == null ? null : new UserId(actor),
				rs.getObject("source_id", UUID.class));
	}

	private static String clip(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}
}
