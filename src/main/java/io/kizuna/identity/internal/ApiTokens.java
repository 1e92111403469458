package io.kizuna.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.kizuna.identity.UserId;
import io.kizuna.shared.SqlTimes;
import io.kizuna.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for the REST API ({@code Authorization: Bearer kz_…}). The secret is shown once when
 * issued and stored only as a SHA-256 digest. A token acts with its owner's current roles, so a
 * deactivated owner's tokens stop working at once.
 */
@Service
@Transactional
class ApiTokens {

	static final String PREFIX = "kz_";

	/** Writing last_used_at on every call would put a database write on every API request. */
	private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private final Users users;

	private final ApiTokenCache cache;

	private final Clock clock;

	ApiTokens(JdbcClient jdbc, Users users, ApiTokenCache cache, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.cache = cache;
		this.clock = clock;
	}

	record IssuedToken(ApiToken token, String secret) {
	}

	IssuedToken issue(UserId owner, String name, Duration validity) {
		String secret = SecretGenerator.token(PREFIX);
		Instant now = clock.instant();
		ApiToken token = new ApiToken(UUID.randomUUID(), owner, name.trim(), secret.substring(0, 10), now,
				validity == null ? null : now.plus(validity), null, null);
		insert(token, SecretGenerator.sha256(secret));
		return new IssuedToken(token, secret);
	}

	/** Stores a token whose secret was chosen outside Kizuna (KIZUNA_BOOTSTRAP_API_TOKEN). */
	ApiToken register(UserId owner, String name, String secret) {
		ApiToken token = new ApiToken(UUID.randomUUID(), owner, name, secret.substring(0, Math.min(10, secret.length())),
				clock.instant(), null, null, null);
		insert(token, SecretGenerator.sha256(secret));
		return token;
	}

	@Transactional(readOnly = true)
	List<ApiToken> ownedBy(UserId owner) {
		return jdbc.sql("select * from api_token where user_id = ? order by created_at desc")
			.param(owner.value())
			.query(ApiTokens::row)
			.list();
	}

	/** Revokes one of the owner's tokens; another person's token id is "not found", not "forbidden". */
	void revoke(UserId owner, UUID tokenId) {
		int changed = jdbc.sql("update api_token set revoked_at = ? where id = ? and user_id = ? and revoked_at is null")
			.params(SqlTimes.utc(clock.instant()), tokenId, owner.value())
			.update();
		cache.forgetToken(tokenId);
		if (changed == 0 && ownedBy(owner).stream().noneMatch(t -> t.id().equals(tokenId))) {
			throw new NotFoundException("token.notFound", tokenId);
		}
	}

	/**
	 * The active owner of a usable token with this digest, if any, remembered in the cache for the
	 * next requests.
	 */
	Optional<ApiTokenCache.SignIn> signIn(String tokenHash) {
		long generation = cache.generation();
		Instant now = clock.instant();
		Optional<ApiToken> token = jdbc.sql("select * from api_token where token_hash = ?")
			.param(tokenHash)
			.query(ApiTokens::row)
			.optional()
			.filter(t -> t.usableAt(now));
		if (token.isEmpty()) {
			return Optional.empty();
		}
		if (token.get().lastUsedAt() == null || token.get().lastUsedAt().isBefore(now.minus(LAST_USED_RESOLUTION))) {
			jdbc.sql("update api_token set last_used_at = ? where id = ?")
				.params(SqlTimes.utc(now), token.get().id())
				.update();
		}
		Optional<ApiTokenCache.SignIn> signIn = users.findById(token.get().owner())
			.filter(User::active)
			.map(owner -> new ApiTokenCache.SignIn(token.get(), owner.toSignedInUser()));
		signIn.ifPresent(found -> cache.remember(tokenHash, found, generation));
		return signIn;
	}

	private void insert(ApiToken token, String hash) {
		jdbc.sql("""
				insert into api_token (id, user_id, name, token_hash, token_prefix, created_at, expires_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(token.id(), token.owner().value(), token.name(), hash, token.prefix(), SqlTimes.utc(token.createdAt()),
					SqlTimes.utc(token.expiresAt()))
			.update();
	}

	private static ApiToken row(ResultSet rs, int rowNum) throws SQLException {
		return new ApiToken(rs.getObject("id", UUID.class), new UserId(rs.getObject("user_id", UUID.class)),
				rs.getString("name"), rs.getString("token_prefix"), SqlTimes.instant(rs, "created_at"),
				SqlTimes.instant(rs, "expires_at"), SqlTimes.instant(rs, "last_used_at"), SqlTimes.instant(rs, "revoked_at"));
	}
}
