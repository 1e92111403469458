package io.kizuna.subscriptions;

/** Only active subscriptions count towards MRR; a trial is not revenue yet. */
public enum SubscriptionStatus {

	TRIAL, ACTIVE, CANCELLED, EXPIRED;

	public boolean paying() {
		return this == ACTIVE;
	}

	public String labelKey() {
		return "subscription.status." + name();
	}
}
