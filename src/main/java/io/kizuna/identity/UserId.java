package io.kizuna.identity;

import java.io.Serializable;
import java.util.UUID;

public record UserId(UUID value) implements Serializable {

	public static UserId random() {
		return new UserId(UUID.randomUUID());
	}

	public static UserId valueOf(String text) {
		return new UserId(UUID.fromString(text));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
