package io.kizuna.usage.internal;

import java.time.Instant;
import java.util.UUID;

/** A place events come from; {@code keyHint} is the start of its write key, to recognise it by. */
record Source(UUID id, String name, Kind kind, String keyHint, Instant createdAt, Instant rotatedAt,
		Instant revokedAt) {

	enum Kind {
		WEB, SERVER
	}

	public boolean active() {
		return revokedAt == null;
	}
}
