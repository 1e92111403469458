package io.kizuna.subscriptions.internal;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;

import io.kizuna.accounts.AccountRecords;
import io.kizuna.subscriptions.CurrencyRates;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Applies the configured exchange rates to every account's reporting MRR at start: after an admin
 * changes {@code kizuna.money.rates.*} (or the reporting currency) and restarts, the table, the
 * filters and the reports use the new rates, not those of the day each subscription last changed.
 */
@Component
class ReportingRates {

	private final AccountRecords accounts;

	private final CurrencyRates rates;

	ReportingRates(AccountRecords accounts, CurrencyRates rates) {
		this.accounts = accounts;
		this.rates = rates;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(1)
	void apply() {
		Map<Currency, BigDecimal> all = new HashMap<>();
		all.put(rates.getReportingCurrency(), BigDecimal.ONE);
		rates.getRates().forEach((code, rate) -> all.put(Currency.getInstance(code), rate));
		accounts.repriceRevenue(rates.getReportingCurrency(), all);
	}
}
