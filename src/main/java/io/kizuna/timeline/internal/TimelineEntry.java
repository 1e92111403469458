package io.kizuna.timeline.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.kizuna.accounts.AccountId;
import io.kizuna.identity.UserId;

/**
 * One line of an account's timeline. {@code kind} says which module it came from, {@code action} what
 * happened there; {@code title} and {@code detail} are the record's own words. An amount before and
 * after (such as MRR) is kept as numbers so that each reader sees it in their own format.
 */
record TimelineEntry(UUID id, AccountId accountId, Instant occurredAt, TimelineKind kind, String action, String title,
		String detail, BigDecimal amountBefore, BigDecimal amountAfter, String currency, UserId actor, UUID sourceId) {
}
