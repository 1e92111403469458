package io.kizuna.activities;

public enum ActivityKind {

	NOTE, CALL, MEETING, CHECK_IN, QBR, EMAIL;

	public String labelKey() {
		return "activity.kind." + name();
	}
}
