package io.kizuna.health.internal;

/** How the CSM who knows the customer feels about it, set by hand on the account page. */
enum Sentiment {

	POSITIVE, NEUTRAL, NEGATIVE;

	double level() {
		return switch (this) {
			case POSITIVE -> 2;
			case NEUTRAL -> 1;
			case NEGATIVE -> 0;
		};
	}

	public String labelKey() {
		return "health.sentiment." + name();
	}
}
