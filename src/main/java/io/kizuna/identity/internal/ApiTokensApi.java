package io.kizuna.identity.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import io.kizuna.identity.SignedInUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tokens")
@PreAuthorize("hasRole('VIEWER')")
@Tag(name = "API tokens", description = "The caller's own API tokens")
class ApiTokensApi {

	private final ApiTokens tokens;

	ApiTokensApi(ApiTokens tokens) {
		this.tokens = tokens;
	}

	record TokenResponse(UUID id, String name, String prefix, Instant createdAt, Instant expiresAt,
			Instant lastUsedAt, Instant revokedAt) {

		static TokenResponse of(ApiToken token) {
			return new TokenResponse(token.id(), token.name(), token.prefix(), token.createdAt(), token.expiresAt(),
					token.lastUsedAt(), token.revokedAt());
		}
	}

	/** The only time the secret is ever shown. */
	record IssuedTokenResponse(UUID id, String name, String token, Instant createdAt, Instant expiresAt) {
	}

	@GetMapping
	@Operation(summary = "List the caller's API tokens (never their secrets)")
	List<TokenResponse> list(@AuthenticationPrincipal SignedInUser me) {
		return tokens.ownedBy(me.id()).stream().map(TokenResponse::of).toList();
	}

	@PostMapping
	@Operation(summary = "Create an API token; the answer carries its secret, shown only this once")
	ResponseEntity<IssuedTokenResponse> create(@AuthenticationPrincipal SignedInUser me,
			@Valid @RequestBody TokenForm request) {
		ApiTokens.IssuedToken issued = tokens.issue(me.id(), request.getName(), request.validity());
		ApiToken token = issued.token();
		return ResponseEntity.created(URI.create("/api/v1/tokens/" + token.id()))
			.body(new IssuedTokenResponse(token.id(), token.name(), issued.secret(), token.createdAt(),
					token.expiresAt()));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Revoke one of the caller's API tokens")
	ResponseEntity<Void> revoke(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id) {
		tokens.revoke(me.id(), id);
		return ResponseEntity.noContent().build();
	}
}
