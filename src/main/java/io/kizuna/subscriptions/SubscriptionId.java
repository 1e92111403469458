package io.kizuna.subscriptions;

import java.util.UUID;

public record SubscriptionId(UUID value) {

	public static SubscriptionId random() {
		return new SubscriptionId(UUID.randomUUID());
	}

	public static SubscriptionId valueOf(String text) {
		return new SubscriptionId(UUID.fromString(text));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
