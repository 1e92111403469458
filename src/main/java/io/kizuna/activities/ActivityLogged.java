package io.kizuna.activities;

import java.time.Instant;
import java.util.UUID;

import io.kizuna.accounts.AccountId;
import io.kizuna.identity.UserId;

/** An activity was logged, changed or deleted on an account. */
public record ActivityLogged(UUID activityId, AccountId accountId, Action action, ActivityKind kind, String subject,
		String outcome, Instant occurredAt, UserId author) {

	public enum Action {
		LOGGED, CHANGED, DELETED
	}
}
