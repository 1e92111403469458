package io.kizuna.activities.internal;

import static io.kizuna.shared.SqlTimes.instant;
import static io.kizuna.shared.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.kizuna.accounts.AccountId;
import io.kizuna.activities.ActivityKind;
import io.kizuna.identity.UserId;
import io.kizuna.shared.PageQuery;
import io.kizuna.shared.PageResult;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores activities in {@code activity}. */
@Repository
class Activities {

	/** Filters of the activities API, newest first. */
	record Query(AccountId account, ActivityKind kind, Instant from, Instant to, PageQuery page) {
	}

	private final JdbcClient jdbc;

	Activities(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Activity> findById(UUID id) {
		return jdbc.sql("select * from activity where id = ?").param(id).query((rs, n) -> row(rs)).optional();
	}

	PageResult<Activity> search(Query query) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		Map<String, Object> params = new HashMap<>();
		if (query.account() != null) {
			where.append(" and account_id = :account");
			params.put("account", query.account().value());
		}
		if (query.kind() != null) {
			where.append(" and kind = :kind");
			params.put("kind", query.kind().name());
		}
		if (query.from() != null) {
			where.append(" and occurred_at >= :from");
			params.put("from", utc(query.from()));
		}
		if (query.to() != null) {
			where.append(" and occurred_at < :to");
			params.put("to", utc(query.to()));
		}
		long total = jdbc.sql("select count(*) from activity" + where).params(params).query(Long.class).single();
		List<Activity> items = jdbc
			.sql("select * from activity" + where + " order by occurred_at desc, id limit :limit offset :offset")
			.params(params)
			.param("limit", query.page().size())
			.param("offset", query.page().offset())
			.query((rs, n) -> row(rs))
			.list();
		return new PageResult<>(items, total, query.page().page(), query.page().size());
	}

	void insert(Activity a) {
		ActivityDetails d = a.details();
		jdbc.sql("""
				insert into activity (id, account_id, kind, occurred_at, subject, participants, outcome, next_steps,
				                      author_id, created_at, updated_at, version)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(a.id(), a.accountId().value(), d.kind().name(), utc(d.occurredAt()), d.subject(), d.participants(),
					d.outcome(), d.nextSteps(), a.author() == null ? null : a.author().value(), utc(a.createdAt()),
					utc(a.updatedAt()), a.version())
			.update();
	}

	boolean update(Activity a, int expectedVersion) {
		ActivityDetails d = a.details();
		return jdbc.sql("""
				update activity set kind = ?, occurred_at = ?, subject = ?, participants = ?, outcome = ?,
				       next_steps = ?, updated_at = ?, version = ?
				where id = ? and version = ?""")
			.params(d.kind().name(), utc(d.occurredAt()), d.subject(), d.participants(), d.outcome(), d.nextSteps(),
					utc(a.updatedAt()), a.version(), a.id(), expectedVersion)
			.update() == 1;
	}

	void delete(UUID id) {
		jdbc.sql("delete from activity where id = ?").param(id).update();
	}

	private static Activity row(ResultSet rs) throws SQLException {
		UUID author = rs.getObject("author_id", UUID.class);
		return new Activity(rs.getObject("id", UUID.class), new AccountId(rs.getObject("account_id", UUID.class)),
				new ActivityDetails(ActivityKind.valueOf(rs.getString("kind")), instant(rs, "occurred_at"),
						rs.getString("subject"), rs.getString("participants"), rs.getString("outcome"),
						rs.getString("next_steps")),
				author == null ? null : new UserId(author), instant(rs, "created_at"), instant(rs, "updated_at"),
				rs.getInt("version"));
	}
}
