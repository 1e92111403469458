package io.kizuna.health;

import java.time.Instant;

import io.kizuna.accounts.AccountId;

/**
 * An account's health moved into another band, or dropped by at least {@code kizuna.health.drop-points}
 * within its band: what playbooks act on and the timeline shows. An account's first score is not a change.
 */
public record HealthBandChanged(AccountId accountId, Kind kind, HealthBand before, HealthBand after,
		Integer scoreBefore, int scoreAfter, String scorecard, Instant at) {

	public enum Kind {
		BAND_CHANGED, DROPPED
	}
}
