package io.kizuna.metrics.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

import io.kizuna.subscriptions.CurrencyRates;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Figures as the dashboard shows them ({@code @metricsFormat.money(v)} in templates): amounts in the
 * reporting currency rounded to its minor unit, rates as percentages with one decimal, and "—" for a
 * figure that is not defined.
 */
@Component("metricsFormat")
class MetricsFormat {

	static final String UNDEFINED = "—";

	private final CurrencyRates rates;

	MetricsFormat(CurrencyRates rates) {
		this.rates = rates;
	}

	Currency currency() {
		return rates.getReportingCurrency();
	}

	public String money(BigDecimal amount) {
		if (amount == null) {
			return UNDEFINED;
		}
		Locale locale = LocaleContextHolder.getLocale();
		NumberFormat format = NumberFormat.getCurrencyInstance(locale);
		format.setCurrency(currency());
		int digits = Math.max(0, currency().getDefaultFractionDigits());
		format.setMinimumFractionDigits(digits);
		format.setMaximumFractionDigits(digits);
		return format.format(amount.setScale(digits, RoundingMode.HALF_EVEN));
	}

	/** Ten-thousandths of the reporting currency, as the drill-down holds them. */
	public String units(long units) {
		return money(MetricsFigures.amount(units));
	}

	public String percent(BigDecimal rate) {
		if (rate == null) {
			return UNDEFINED;
		}
		NumberFormat format = NumberFormat.getPercentInstance(LocaleContextHolder.getLocale());
		format.setMinimumFractionDigits(1);
		format.setMaximumFractionDigits(1);
		return format.format(rate);
	}

	public String fraction(Double rate) {
		return rate == null || rate.isNaN() ? UNDEFINED : percent(BigDecimal.valueOf(rate));
	}

	public String number(Number value) {
		if (value == null) {
			return UNDEFINED;
		}
		NumberFormat format = NumberFormat.getNumberInstance(LocaleContextHolder.getLocale());
		format.setMaximumFractionDigits(1);
		return format.format(value);
	}

	/** 0…1 as the opacity of a heat-map cell. */
	public String heat(BigDecimal rate) {
		if (rate == null) {
			return "transparent";
		}
		double alpha = Math.max(0, Math.min(1, rate.doubleValue()));
		return String.format(Locale.ROOT, "rgba(29, 106, 150, %.2f)", 0.08 + 0.8 * alpha);
	}
}
