package io.kizuna.activities.internal;

import java.time.Instant;

import io.kizuna.activities.ActivityKind;

/** An activity as pages and the API show it, with the author's name. */
public record ActivityView(String id, String accountId, ActivityKind kind, Instant occurredAt, String subject,
		String participants, String outcome, String nextSteps, String authorId, String author, boolean editable,
		Instant updatedAt, int version) {
}
