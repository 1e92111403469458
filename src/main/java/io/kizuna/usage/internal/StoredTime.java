package io.kizuna.usage.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * Reads the times Kizuna itself wrote into stored events ({@link Instant#toString()}, such as
 * {@code 2026-11-23T09:30:00.123Z}) by the position of each digit. The usage feed reads one or two per event,
 * tens of thousands a second; through a {@code DateTimeFormatter} that was a fifth of the feed's time.
 * Anything not in that exact shape goes to {@link Instant#parse}. The tracking API reads the clients' times
 * the same way first ({@link #parse(String, Function)}): analytics libraries send that shape too.
 */
final class StoredTime {

	private StoredTime() {
	}

	static Instant parse(String text) {
		return parse(text, Instant::parse);
	}

	/** The same, with {@code otherwise} for every text not in the shape (which also says what is wrong). */
	static Instant parse(String text, Function<String, Instant> otherwise) {
		int length = text.length();
		if (length >= 20 && length <= 30 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
				&& text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(length - 1) == 'Z'
				&& (length == 20 || text.charAt(19) == '.')) {
			try {
				long day = LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10)).toEpochDay();
				int hour = digits(text, 11, 13);
				int minute = digits(text, 14, 16);
				int second = digits(text, 17, 19);
				if (hour < 24 && minute < 60 && second < 60) {
					int nanos = 0;
					if (length > 20) {
						int fraction = length - 21;
						if (fraction < 1 || fraction > 9) {
							return otherwise.apply(text);
						}
						nanos = digits(text, 20, length - 1);
						for (int i = fraction; i < 9; i++) {
							nanos *= 10;
						}
					}
					return Instant.ofEpochSecond(day * 86_400 + hour * 3_600 + minute * 60 + second, nanos);
				}
			}
			catch (RuntimeException notADate) {
				// a digit that is not one, a 31st of February: the formatter says what is wrong
			}
		}
		return otherwise.apply(text);
	}

	private static int digits(String text, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			int digit = text.charAt(i) - '0';
			if (digit < 0 || digit > 9) {
				throw new NumberFormatException(text);
			}
			value = value * 10 + digit;
		}
		return value;
	}
}
