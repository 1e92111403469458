package io.kizuna.health;

/** Where a score falls: a scorecard sets the thresholds of good and neutral; below neutral is at risk. */
public enum HealthBand {

	GOOD, NEUTRAL, AT_RISK;

	public String labelKey() {
		return "health.band." + name();
	}
}
