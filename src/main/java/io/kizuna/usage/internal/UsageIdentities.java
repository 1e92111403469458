package io.kizuna.usage.internal;

import static io.kizuna.shared.SqlTimes.instant;
import static io.kizuna.shared.SqlTimes.utc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code usage_group} and {@code usage_user} tables, read and written a batch of events at a time. */
@Repository
class UsageIdentities {

	/** A group as the feed keeps it; {@code account} is null while it is unmatched. */
	static final class Group {

		final UUID source;

		final String groupId;

		UUID account;

		String name;

		Instant firstSeen;

		Instant lastSeen;

		long events;

		/** The events count as last written with the log position: what a write between flushes stores. */
		long flushedEvents;

		/** Not stored: whether who this is (company, account, name) changed since it was last written. */
		transient boolean identityChanged;

		boolean stored;

		Group(UUID source, String groupId) {
			this.source = source;
			this.groupId = groupId;
		}

		/** The group as it is now, for a write on another thread while this one changes on. */
		Group copy() {
			Group copy = new Group(source, groupId);
			copy.account = account;
			copy.name = name;
			copy.firstSeen = firstSeen;
			copy.lastSeen = lastSeen;
			copy.events = events;
			copy.flushedEvents = flushedEvents;
			copy.stored = stored;
			return copy;
		}
	}

	static final class User {

		final UUID source;

		final String userId;

		String groupId;

		UUID account;

		String email;

		String name;

		Instant firstSeen;

		Instant lastSeen;

		long events;

		/** The events count as last written with the log position: what a write between flushes stores. */
		long flushedEvents;

		/** Not stored: whether who this is (company, account, name) changed since it was last written. */
		transient boolean identityChanged;

		boolean stored;

		/** Not stored: whether a session has begun that no event of use has counted yet, and the seconds of use the event just applied adds. */
		transient boolean sessionBegun;

		transient long secondsOfUse;

		User(UUID source, String userId) {
			this.source = source;
			this.userId = userId;
		}

		/** The user as it is now, for a write on another thread while this one changes on. */
		User copy() {
			User copy = new User(source, userId);
			copy.groupId = groupId;
			copy.account = account;
			copy.email = email;
			copy.name = name;
			copy.firstSeen = firstSeen;
			copy.lastSeen = lastSeen;
			copy.events = events;
			copy.flushedEvents = flushedEvents;
			copy.stored = stored;
			return copy;
		}
	}

	record Key(UUID source, String id) {
	}

	private final JdbcTemplate jdbc;

	UsageIdentities(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The stored groups among these keys, in a few queries (one per source and chunk of ids). */
	Map<Key, Group> groups(Collection<Key> keys) {
		Map<Key, Group> found = new HashMap<>();
		inChunks(keys, "select g.* from (values %s) k(id) join usage_group g on g.source_id = ? and g.group_id = k.id", rs -> {
			Group g = new Group(rs.getObject("source_id", UUID.class), rs.getString("group_id"));
			g.account = rs.getObject("account_id", UUID.class);
			g.name = rs.getString("name");
			g.firstSeen = instant(rs, "first_seen");
			g.lastSeen = instant(rs, "last_seen");
			g.events = rs.getLong("events");
			g.flushedEvents = g.events;
			g.stored = true;
			found.put(new Key(g.source, g.groupId), g);
		});
		return found;
	}

	/** The stored users among these keys, in a few queries. */
	Map<Key, User> users(Collection<Key> keys) {
		Map<Key, User> found = new HashMap<>();
		inChunks(keys, "select u.* from (values %s) k(id) join usage_user u on u.source_id = ? and u.user_id = k.id", rs -> {
			User u = new User(rs.getObject("source_id", UUID.class), rs.getString("user_id"));
			u.groupId = rs.getString("group_id");
			u.account = rs.getObject("account_id", UUID.class);
			u.email = rs.getString("email");
			u.name = rs.getString("name");
			u.firstSeen = instant(rs, "first_seen");
			u.lastSeen = instant(rs, "last_seen");
			u.events = rs.getLong("events");
			u.flushedEvents = u.events;
			u.stored = true;
			found.put(new Key(u.source, u.userId), u);
		});
		return found;
	}

	/**
	 * Joined to the ids as a list of values rather than {@code id in (?, …)}: H2 reads an in-list of parameters
	 * against every row of the source (200 ms a chunk at 50,000 users) where the join looks each id up in the key.
	 */
	private void inChunks(Collection<Key> keys, String sql, org.springframework.jdbc.core.RowCallbackHandler rows) {
		Map<UUID, List<String>> bySource = new HashMap<>();
		keys.forEach(key -> bySource.computeIfAbsent(key.source(), s -> new ArrayList<>()).add(key.id()));
		bySource.forEach((source, ids) -> {
			for (int from = 0; from < ids.size(); from += 500) {
				List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
				List<Object> args = new ArrayList<>(chunk);
				args.add(source);
				jdbc.query(sql.formatted(String.join(",",
						java.util.Collections.nCopies(chunk.size(), "(cast(? as varchar(200)))"))), rows, args.toArray());
			}
		});
	}

	private static io.kizuna.shared.SqlMerge groups(boolean counted) {
		return new io.kizuna.shared.SqlMerge("usage_group", List.of("source_id", "group_id"),
				List.of("source_id", "group_id", "account_id", "name", "first_seen", "last_seen", "events"),
				List.of("uuid", "varchar(200)", "uuid", "varchar(200)", "timestamp with time zone",
						"timestamp with time zone", "bigint"),
				"account_id = v.account_id, name = v.name, last_seen = v.last_seen" + (counted ? ", events = v.events" : ""),
				500);
	}

	private static io.kizuna.shared.SqlMerge users(boolean counted) {
		return new io.kizuna.shared.SqlMerge("usage_user", List.of("source_id", "user_id"),
				List.of("source_id", "user_id", "group_id", "account_id", "email", "name", "first_seen", "last_seen", "events"),
				List.of("uuid", "varchar(200)", "varchar(200)", "uuid", "varchar(320)", "varchar(200)",
						"timestamp with time zone", "timestamp with time zone", "bigint"),
				"group_id = v.group_id, account_id = v.account_id, email = v.email, name = v.name, last_seen = v.last_seen"
						+ (counted ? ", events = v.events" : ""),
				500);
	}

	/**
	 * Counted: a window's write, with the log position, sets the event counts. Not counted: a write in between
	 * (a new user, a changed company) leaves a known row's count alone, so that it never runs ahead of the
	 * position written nor behind a window's write still in flight on the writer's thread.
	 */
	private static final io.kizuna.shared.SqlMerge GROUPS = groups(true);

	private static final io.kizuna.shared.SqlMerge GROUPS_BETWEEN = groups(false);

	private static final io.kizuna.shared.SqlMerge USERS = users(true);

	private static final io.kizuna.shared.SqlMerge USERS_BETWEEN = users(false);

	/**
	 * Writes the groups as they now are (new ones inserted, known ones replaced), many to a statement. With
	 * {@code counted}, their event counts go too, which only a flush with the log position may write: a
	 * write in between keeps the last flushed count, so that a replay after a crash counts nothing twice.
	 */
	void saveGroups(Collection<Group> groups, boolean counted) {
		(counted ? GROUPS : GROUPS_BETWEEN).write(jdbc, groups.stream()
			.map(g -> new Object[] { g.source, g.groupId, g.account, g.name, utc(g.firstSeen), utc(g.lastSeen),
					counted ? g.events : g.flushedEvents })
			.toList());
		groups.forEach(g -> {
			g.stored = true;
			g.flushedEvents = counted ? g.events : g.flushedEvents;
		});
	}

	void saveUsers(Collection<User> users, boolean counted) {
		(counted ? USERS : USERS_BETWEEN).write(jdbc, users.stream()
			.map(u -> new Object[] { u.source, u.userId, u.groupId, u.account, u.email, u.name, utc(u.firstSeen),
					utc(u.lastSeen), counted ? u.events : u.flushedEvents })
			.toList());
		users.forEach(u -> {
			u.stored = true;
			u.identityChanged = false;
			u.flushedEvents = counted ? u.events : u.flushedEvents;
		});
	}


	/** Unmatched groups, most active first. */
	List<Group> unmatched(int limit) {
		List<Group> groups = new ArrayList<>();
		jdbc.query("select * from usage_group where account_id is null order by events desc, group_id limit ?", rs -> {
			Group g = new Group(rs.getObject("source_id", UUID.class), rs.getString("group_id"));
			g.name = rs.getString("name");
			g.firstSeen = instant(rs, "first_seen");
			g.lastSeen = instant(rs, "last_seen");
			g.events = rs.getLong("events");
			g.flushedEvents = g.events;
			g.stored = true;
			groups.add(g);
		}, limit);
		return groups;
	}

	/** Ties a group and its users to an account (or, with null, unties them). */
	int map(UUID source, String groupId, UUID account) {
		int updated = jdbc.update("update usage_group set account_id = ? where source_id = ? and group_id = ?", account,
				source, groupId);
		jdbc.update("update usage_user set account_id = ? where source_id = ? and group_id = ?", account, source, groupId);
		return updated;
	}

	EventLog.Position position() {
		return jdbc.queryForObject("select log_file, log_offset from usage_feed_position where id = 1",
				(rs, n) -> new EventLog.Position(rs.getString(1), rs.getLong(2)));
	}

	void position(EventLog.Position position) {
		jdbc.update("update usage_feed_position set log_file = ?, log_offset = ? where id = 1", position.file(),
				position.offset());
	}
}
