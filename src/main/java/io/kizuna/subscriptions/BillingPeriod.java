package io.kizuna.subscriptions;

/**
 * How often a subscription is invoiced. The unit price is per billing period, so MRR divides it by the
 * period's months; a multi-year contract names its own length in months.
 */
public enum BillingPeriod {

	MONTHLY(1), QUARTERLY(3), ANNUAL(12), MULTI_YEAR(0);

	private final int months;

	BillingPeriod(int months) {
		this.months = months;
	}

	/** The months one billing period covers; for multi-year contracts, the contract's term. */
	public int months(int termMonths) {
		return this == MULTI_YEAR ? termMonths : months;
	}

	public String labelKey() {
		return "subscription.period." + name();
	}
}
