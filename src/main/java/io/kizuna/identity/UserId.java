package io.kizuna.identity;

import java.io.Serializable;
import java.util.UUID;

public record UserId(UUID value) implements Serializable {

	public static UserId random() {
		return new UserId(UUID.randomUUID());
	}

	/** Parses a UUID; blank text (an "any" option in a filter) is no id at all. */
	public static UserId valueOf(String text) {
		return text == null || text.isBlank() ? null : new UserId(UUID.fromString(text.trim()));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
