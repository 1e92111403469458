package io.kizuna.activities.internal;

import java.time.Instant;

import io.kizuna.activities.ActivityKind;

/** What people write about an activity. */
record ActivityDetails(ActivityKind kind, Instant occurredAt, String subject, String participants, String outcome,
		String nextSteps) {

	ActivityDetails {
		subject = subject.trim();
		participants = blankToNull(participants);
		outcome = blankToNull(outcome);
		nextSteps = blankToNull(nextSteps);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
