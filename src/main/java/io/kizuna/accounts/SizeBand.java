package io.kizuna.accounts;

/** Company size by employee count; the thresholds are configurable (kizuna.accounts.size-bands.*). */
public enum SizeBand {

	SMB, MID_MARKET, ENTERPRISE, UNKNOWN;

	public String labelKey() {
		return "account.size." + name();
	}
}
