package io.kizuna.metrics.internal;

/**
 * How a change of an account's MRR counts (ChartMogul's definitions): from nothing to something is
 * new business, or a reactivation when the account paid before; from something to nothing is churn;
 * otherwise up is expansion and down is contraction.
 */
enum Movement {

	NEW, EXPANSION, CONTRACTION, CHURN, REACTIVATION;

	/** The sign with which the movement enters "end MRR = start + new + expansion + reactivation − contraction − churn". */
	int sign() {
		return this == CONTRACTION || this == CHURN ? -1 : 1;
	}

	String key() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}
}
