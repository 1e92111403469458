package io.kizuna.accounts.internal;

import java.time.Instant;
import java.util.UUID;

import io.kizuna.accounts.AccountId;

/** A person at a customer company. */
public record Contact(UUID id, AccountId account, String name, String email, String phone, String title,
		ContactRole role, String language, Instant createdAt) {
}
