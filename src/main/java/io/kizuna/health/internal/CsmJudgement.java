package io.kizuna.health.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a CSM adds to the numbers: a sentiment (one of the measures), and an override of the score with a
 * reason and an expiry, after which the computed score shows again by itself.
 */
@Repository
@Transactional
class CsmJudgement {

	record Override(UUID account, int score, String reason, Instant expiresAt, UUID by, Instant at) {
	}

	record SentimentNote(Sentiment sentiment, String note, UUID by, Instant at) {
	}

	private final JdbcTemplate jdbc;

	CsmJudgement(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void override(Override override) {
		jdbc.update("delete from health_override where account_id = ?", override.account());
		jdbc.update("insert into health_override (account_id, score, reason, expires_at, created_by, created_at)"
				+ " values (?, ?, ?, ?, ?, ?)", override.account(), override.score(), override.reason(),
				Timestamp.from(override.expiresAt()), override.by(), Timestamp.from(override.at()));
	}

	boolean endOverride(UUID account) {
		return jdbc.update("delete from health_override where account_id = ?", account) > 0;
	}

	/** The override in force at this moment, if any; an expired one is as good as gone. */
	@Transactional(readOnly = true)
	Optional<Override> override(UUID account, Instant now) {
		return jdbc.query("select account_id, score, reason, expires_at, created_by, created_at from health_override"
				+ " where account_id = ? and expires_at > ?", (rs, n) -> new Override(rs.getObject(1, UUID.class),
						rs.getInt(2), rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getObject(5, UUID.class),
						rs.getTimestamp(6).toInstant()), account, Timestamp.from(now))
			.stream()
			.findFirst();
	}

	/** The overrides in force, by account (lists and overviews show the overridden score). */
	@Transactional(readOnly = true)
	Map<UUID, Integer> overrides(Instant now) {
		Map<UUID, Integer> found = new HashMap<>();
		jdbc.query("select account_id, score from health_override where expires_at > ?", rs -> {
			found.put(rs.getObject(1, UUID.class), rs.getInt(2));
		}, Timestamp.from(now));
		return found;
	}

	/** Removes expired overrides; answers the accounts whose override just ended. */
	java.util.List<UUID> expire(Instant now) {
		java.util.List<UUID> ended = jdbc.queryForList("select account_id from health_override where expires_at <= ?",
				UUID.class, Timestamp.from(now));
		jdbc.update("delete from health_override where expires_at <= ?", Timestamp.from(now));
		return ended;
	}

	void sentiment(UUID account, SentimentNote note) {
		jdbc.update("delete from health_sentiment where account_id = ?", account);
		if (note != null) {
			jdbc.update("insert into health_sentiment (account_id, sentiment, note, set_by, set_at) values (?, ?, ?, ?, ?)",
					account, note.sentiment().name(), note.note(), note.by(), Timestamp.from(note.at()));
		}
	}

	@Transactional(readOnly = true)
	Optional<SentimentNote> sentiment(UUID account) {
		return sentiments(java.util.List.of(account)).values().stream().findFirst();
	}

	@Transactional(readOnly = true)
	Map<UUID, SentimentNote> sentiments(Collection<UUID> accounts) {
		Map<UUID, SentimentNote> found = new HashMap<>();
		if (accounts.isEmpty()) {
			return found;
		}
		java.util.List<UUID> ids = java.util.List.copyOf(accounts);
		for (int from = 0; from < ids.size(); from += 500) {
			java.util.List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
			jdbc.query("select account_id, sentiment, note, set_by, set_at from health_sentiment where account_id in ("
					+ String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")", rs -> {
						found.put(rs.getObject(1, UUID.class), note(rs));
					}, chunk.toArray());
		}
		return found;
	}

	@Transactional(readOnly = true)
	Map<UUID, SentimentNote> allSentiments() {
		Map<UUID, SentimentNote> found = new HashMap<>();
		jdbc.query("select account_id, sentiment, note, set_by, set_at from health_sentiment", rs -> {
			found.put(rs.getObject(1, UUID.class), note(rs));
		});
		return found;
	}

	private static SentimentNote note(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new SentimentNote(Sentiment.valueOf(rs.getString(2)), rs.getString(3), rs.getObject(4, UUID.class),
				rs.getTimestamp(5).toInstant());
	}
}
