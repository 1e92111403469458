package io.kizuna.accounts;

import java.time.LocalDate;

import io.kizuna.shared.Money;

/**
 * An account's current monthly recurring revenue, in its own currency and in the company's reporting
 * currency, and the nearest renewal date of its active subscriptions. All null when nothing is active.
 */
public record AccountRevenue(Money mrr, Money mrrReporting, LocalDate nextRenewal) {

	public static final AccountRevenue NONE = new AccountRevenue(null, null, null);
}
