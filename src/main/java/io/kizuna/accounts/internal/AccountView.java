package io.kizuna.accounts.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.kizuna.accounts.AccountRevenue;
import io.kizuna.accounts.LifecycleStage;
import io.kizuna.accounts.SizeBand;
import io.kizuna.shared.Money;

/** An account as pages show it, with people's names and the size band resolved. */
public record AccountView(String id, String name, List<String> domains, String industry, Integer employeeCount,
		SizeBand sizeBand, String country, String plan, LifecycleStage stage, String ownerCsm,
		String accountExecutive, String salesforceId, String hubspotId, java.util.Map<String, String> custom,
		AccountRevenue revenue, Instant createdAt, Instant updatedAt, int version,
		io.kizuna.accounts.AccountRecords.AccountHealth health) {

	/** "+5" or "−3" for the health trend, null without one. */
	public String trendText() {
		Integer trend = health.trend();
		return trend == null ? null : trend > 0 ? "+" + trend : trend < 0 ? "−" + (-trend) : "±0";
	}

	/** Annual recurring revenue: twelve times the current MRR. */
	public Money arr() {
		return revenue.mrr() == null ? null : revenue.mrr().times(java.math.BigDecimal.valueOf(12));
	}

	public String countryName(Locale locale) {
		return country == null ? null : Locale.of("", country).getDisplayCountry(locale);
	}
}
