package io.kizuna.identity.internal;

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

	ApiTokenIntrospector(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	public OAuth2AuthenticatedPrincipal introspect(String token) {
		if (!token.startsWith(ApiTokens.PREFIX) && token.length() < 32) {
			throw new BadOpaqueTokenException("Not a Kizuna API token");
		}
		return tokens.authenticate(token).orElseThrow(() -> new BadOpaqueTokenException("Unknown, expired or revoked token"));
	}
}
