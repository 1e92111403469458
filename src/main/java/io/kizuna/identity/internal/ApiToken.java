package io.kizuna.identity.internal;

import java.time.Instant;
import java.util.UUID;

import io.kizuna.identity.UserId;

/** A stored API token: its owner, a name and prefix to recognise it by, never the secret itself. */
public record ApiToken(UUID id, UserId owner, String name, String prefix, Instant createdAt, Instant expiresAt,
		Instant lastUsedAt, Instant revokedAt) {

	boolean usableAt(Instant now) {
		return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
	}
}
