package io.kizuna.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount in a currency. Amounts are {@link BigDecimal}s kept at four decimal places so that
 * a monthly share of an annual price can be summed without drift; they are rounded to the currency's
 * own digits (none for yen, two for dollars) only when shown.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

	public static final int SCALE = 4;

	public Money {
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(currency, "currency");
		amount = amount.setScale(SCALE, RoundingMode.HALF_EVEN);
	}

	public static Money of(String amount, String currency) {
		return new Money(new BigDecimal(amount), Currency.getInstance(currency));
	}

	public static Money zero(Currency currency) {
		return new Money(BigDecimal.ZERO, currency);
	}

	public Money plus(Money other) {
		requireSameCurrency(other);
		return new Money(amount.add(other.amount), currency);
	}

	public Money minus(Money other) {
		requireSameCurrency(other);
		return new Money(amount.subtract(other.amount), currency);
	}

	public Money times(BigDecimal factor) {
		return new Money(amount.multiply(factor), currency);
	}

	public Money dividedBy(int divisor) {
		return new Money(amount.divide(BigDecimal.valueOf(divisor), SCALE, RoundingMode.HALF_EVEN), currency);
	}

	public boolean isZero() {
		return amount.signum() == 0;
	}

	/** True when the amount has no more decimals than the currency uses (no half yen, no tenth of a cent). */
	public static boolean fitsCurrency(BigDecimal amount, Currency currency) {
		return amount.stripTrailingZeros().scale() <= Math.max(0, currency.getDefaultFractionDigits());
	}

	@Override
	public int compareTo(Money other) {
		requireSameCurrency(other);
		return amount.compareTo(other.amount);
	}

	private void requireSameCurrency(Money other) {
		if (!currency.equals(other.currency)) {
			throw new IllegalArgumentException(currency + " and " + other.currency + " cannot be added directly");
		}
	}

	@Override
	public String toString() {
		return amount.toPlainString() + " " + currency.getCurrencyCode();
	}
}
