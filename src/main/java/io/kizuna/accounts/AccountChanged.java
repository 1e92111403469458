package io.kizuna.accounts;

import java.time.Instant;
import java.util.List;

import io.kizuna.identity.UserId;

/**
 * An account was created, edited or deleted. {@code fields} names what an edit changed (the keys of
 * {@code account.*} labels, such as {@code stage}); {@code by} is empty for changes the system made.
 */
public record AccountChanged(AccountId accountId, String accountName, Kind kind, List<String> fields, UserId by,
		Instant at) {

	public enum Kind {
		CREATED, UPDATED, DELETED
	}
}
