package io.kizuna.accounts;

import java.util.UUID;

public record AccountId(UUID value) {

	public static AccountId random() {
		return new AccountId(UUID.randomUUID());
	}

	public static AccountId valueOf(String text) {
		return new AccountId(UUID.fromString(text));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
