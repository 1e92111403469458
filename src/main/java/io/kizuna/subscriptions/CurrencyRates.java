package io.kizuna.subscriptions;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.kizuna.shared.Money;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The company's reporting currency and what one unit of each other currency is worth in it
 * ({@code kizuna.money.rates.USD=150} when reporting in yen). Subscriptions may use the reporting
 * currency and every currency with a rate, nothing else, so every amount can be reported.
 */
@ConfigurationProperties("kizuna.money")
public class CurrencyRates {

	private Currency reportingCurrency = Currency.getInstance("JPY");

	private Map<String, BigDecimal> rates = new TreeMap<>();

	public Currency getReportingCurrency() {
		return reportingCurrency;
	}

	public void setReportingCurrency(Currency reportingCurrency) {
		this.reportingCurrency = reportingCurrency;
	}

	public Map<String, BigDecimal> getRates() {
		return rates;
	}

	public void setRates(Map<String, BigDecimal> rates) {
		this.rates = new TreeMap<>(rates);
	}

	/** The reporting currency first, then the others alphabetically. */
	public Set<Currency> currencies() {
		Set<Currency> currencies = new LinkedHashSet<>();
		currencies.add(reportingCurrency);
		rates.keySet().forEach(code -> currencies.add(Currency.getInstance(code)));
		return currencies;
	}

	public boolean supports(Currency currency) {
		return currencies().contains(currency);
	}

	public Money toReporting(Money money) {
		if (money.currency().equals(reportingCurrency)) {
			return money;
		}
		BigDecimal rate = rates.get(money.currency().getCurrencyCode());
		if (rate == null) {
			throw new IllegalArgumentException("No rate for " + money.currency() + " in kizuna.money.rates");
		}
		return new Money(money.amount().multiply(rate), reportingCurrency);
	}
}
