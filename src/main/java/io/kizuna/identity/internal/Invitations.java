package io.kizuna.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.kizuna.identity.UserId;
import io.kizuna.shared.SqlTimes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One-time links with which an invited person chooses their own password. Only a digest of the
 * link's secret is stored; a new link for the same person makes the older ones useless.
 */
@Component
class Invitations {

	static final Duration VALIDITY = Duration.ofDays(7);

	private final JdbcClient jdbc;

	private final Clock clock;

	Invitations(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	String issue(UserId user) {
		Instant now = clock.instant();
		jdbc.sql("delete from user_invitation where user_id = ? and accepted_at is null").param(user.value()).update();
		String token = SecretGenerator.token("inv_");
		jdbc.sql("insert into user_invitation (token_hash, user_id, created_at, expires_at) values (?, ?, ?, ?)")
			.params(SecretGenerator.sha256(token), user.value(), SqlTimes.utc(now), SqlTimes.utc(now.plus(VALIDITY)))
			.update();
		return token;
	}

	/** The invited user, if the link is known, unused and not expired. */
	Optional<UserId> open(String token) {
		return jdbc.sql("""
				select user_id from user_invitation
				where token_hash = ? and accepted_at is null and expires_at > ?""")
			.params(SecretGenerator.sha256(token), SqlTimes.utc(clock.instant()))
			.query(UUID.class)
			.optional()
			.map(UserId::new);
	}

	void markAccepted(String token) {
		jdbc.sql("update user_invitation set accepted_at = ? where token_hash = ?")
			.params(SqlTimes.utc(clock.instant()), SecretGenerator.sha256(token))
			.update();
	}
}
