package io.kizuna.web.internal;

import java.math.RoundingMode;
import java.text.NumberFormat;

import io.kizuna.shared.Money;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Formats money for people: the page's language decides the symbol's place and the separators, the
 * currency decides the digits (¥120,000; $1,250.50). Templates call {@code ${@money.format(amount)}}.
 */
@Component("money")
public class MoneyDisplay {

	public String format(Money money) {
		if (money == null) {
			return "–";
		}
		NumberFormat format = NumberFormat.getCurrencyInstance(LocaleContextHolder.getLocale());
		format.setCurrency(money.currency());
		int digits = Math.max(0, money.currency().getDefaultFractionDigits());
		format.setMinimumFractionDigits(digits);
		format.setMaximumFractionDigits(digits);
		format.setRoundingMode(RoundingMode.HALF_EVEN);
		return format.format(money.amount());
	}
}
