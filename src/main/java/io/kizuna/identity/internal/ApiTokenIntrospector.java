package io.kizuna.identity.internal;

import java.time.Clock;
import java.time.Instant;

import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.stereotype.Component;

/**
 * Lets Spring Security's bearer-token support check Kizuna's own API tokens, so the REST API gets
 * standard {@code WWW-Authenticate: Bearer} behaviour without a hand-written filter.
 */
@Component
class ApiTokenIntrospector implements OpaqueTokenIntrospector {

	private final ApiTokens tokens;

	private final ApiTokenCache cache;

	private final Clock clock;

	ApiTokenIntrospector(ApiTokens tokens, ApiTokenCache cache, Clock clock) {
		this.tokens = tokens;
		this.cache = cache;
		this.clock = clock;
	}

	@Override
	public OAuth2AuthenticatedPrincipal introspect(String token) {
		if (!token.startsWith(ApiTokens.PREFIX) && token.length() < 32) {
			throw new BadOpaqueTokenException("Not a Kizuna API token");
		}
		String hash = SecretGenerator.sha256(token);
		Instant now = clock.instant();
		// The cache is asked outside ApiTokens, whose methods each open a transaction.
		return cache.find(hash)
			.filter(signIn -> signIn.token().usableAt(now))
			.or(() -> tokens.signIn(hash))
			.map(ApiTokenCache.SignIn::user)
			.orElseThrow(() -> new BadOpaqueTokenException("Unknown, expired or revoked token"));
	}
}
