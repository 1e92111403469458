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

		boolean stored;

		Group(UUID source, String groupId) {
			this.source = source;
			this.groupId = groupId;
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

		boolean stored;

		/** Not stored: whether a session has begun that no event of use has counted yet, and the seconds of use the event just applied adds. */
		transient boolean sessionBegun;

		transient long secondsOfUse;

		User(UUID source, String userId) {
			this.source = source;
			this.userId = userId;
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
		inChunks(keys, "select * from usage_group where source_id = ? and group_id in (%s)", rs -> {
			Group g = new Group(rs.getObject("source_id", UUID.class), rs.getString("group_id"));
			g.account = rs.getObject("account_id", UUID.class);
			g.name = rs.getString("name");
			g.firstSeen = instant(rs, "first_seen");
			g.lastSeen = instant(rs, "last_seen");
			g.events = rs.getLong("events");
			g.stored = true;
			found.put(new Key(g.source, g.groupId), g);
		});
		return found;
	}

	/** The stored users among these keys, in a few queries. */
	Map<Key, User> users(Collection<Key> keys) {
		Map<Key, User> found = new HashMap<>();
		inChunks(keys, "select * from usage_user where source_id = ? and user_id in (%s)", rs -> {
			User u = new User(rs.getObject("source_id", UUID.class), rs.getString("user_id"));
			u.groupId = rs.getString("group_id");
			u.account = rs.getObject("account_id", UUID.class);
			u.email = rs.getString("email");
			u.name = rs.getString("name");
			u.firstSeen = instant(rs, "first_seen");
			u.lastSeen = instant(rs, "last_seen");
			u.events = rs.getLong("events");
			u.stored = true;
			found.put(new Key(u.source, u.userId), u);
		});
		return found;
	}

	private void inChunks(Collection<Key> keys, String sql, org.springframework.jdbc.core.RowCallbackHandler rows) {
		Map<UUID, List<String>> bySource = new HashMap<>();
		keys.forEach(key -> bySource.computeIfAbsent(key.source(), s -> new ArrayList<>()).add(key.id()));
		bySource.forEach((source, ids) -> {
			for (int from = 0; from < ids.size(); from += 500) {
				List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
				List<Object> args = new ArrayList<>(chunk.size() + 1);
				args.add(source);
				args.addAll(chunk);
				jdbc.query(sql.formatted(String.join(",", java.util.Collections.nCopies(chunk.size(), "?"))), rows,
						args.toArray());
			}
		});
	}

	void saveGroups(Collection<Group> groups) {
		List<Group> fresh = groups.stream().filter(g -> !g.stored).toList();
		List<Group> known = groups.stream().filter(g -> g.stored).toList();
		jdbc.batchUpdate("insert into usage_group (source_id, group_id, account_id, name, first_seen, last_seen, events)"
				+ " values (?, ?, ?, ?, ?, ?, ?)", fresh, 500, (ps, g) -> {
					ps.setObject(1, g.source);
					ps.setString(2, g.groupId);
					ps.setObject(3, g.account);
					ps.setString(4, g.name);
					ps.setObject(5, utc(g.firstSeen));
					ps.setObject(6, utc(g.lastSeen));
					ps.setLong(7, g.events);
				});
		jdbc.batchUpdate("update usage_group set account_id = ?, name = ?, last_seen = ?, events = ?"
				+ " where source_id = ? and group_id = ?", known, 500, (ps, g) -> {
					ps.setObject(1, g.account);
					ps.setString(2, g.name);
					ps.setObject(3, utc(g.lastSeen));
					ps.setLong(4, g.events);
					ps.setObject(5, g.source);
					ps.setString(6, g.groupId);
				});
		groups.forEach(g -> g.stored = true);
	}

	void saveUsers(Collection<User> users) {
		List<User> fresh = users.stream().filter(u -> !u.stored).toList();
		List<User> known = users.stream().filter(u -> u.stored).toList();
		jdbc.batchUpdate("insert into usage_user (source_id, user_id, group_id, account_id, email, name, first_seen,"
				+ " last_seen, events) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", fresh, 500, (ps, u) -> {
					ps.setObject(1, u.source);
					ps.setString(2, u.userId);
					ps.setString(3, u.groupId);
					ps.setObject(4, u.account);
					ps.setString(5, u.email);
					ps.setString(6, u.name);
					ps.setObject(7, utc(u.firstSeen));
					ps.setObject(8, utc(u.lastSeen));
					ps.setLong(9, u.events);
				});
		jdbc.batchUpdate("update usage_user set group_id = ?, account_id = ?, email = ?, name = ?, last_seen = ?,"
				+ " events = ? where source_id = ? and user_id = ?", known, 500, (ps, u) -> {
					ps.setString(1, u.groupId);
					ps.setObject(2, u.account);
					ps.setString(3, u.email);
					ps.setString(4, u.name);
					ps.setObject(5, utc(u.lastSeen));
					ps.setLong(6, u.events);
					ps.setObject(7, u.source);
					ps.setString(8, u.userId);
				});
		users.forEach(u -> u.stored = true);
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
