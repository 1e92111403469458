package io.kizuna.timeline.internal;

/** Where an entry comes from; the timeline can be filtered by it. */
public enum TimelineKind {

	ACTIVITY, SUBSCRIPTION, ACCOUNT, HEALTH;

	public String labelKey() {
		return "timeline.kind." + name();
	}
}
