package io.kizuna.accounts.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A field an admin added to accounts. Values travel as text (forms, CSV, JSON) and are checked and
 * normalised here: numbers as plain decimals, dates as ISO dates, choices as one of the listed options.
 */
public record CustomField(UUID id, String key, String label, String labelJa, Type type, List<String> choices,
		int position) {

	private static final java.time.format.DateTimeFormatter DATE = java.time.format.DateTimeFormatter.ofPattern("uuuu-M-d");

	public enum Type {
		TEXT, NUMBER, DATE, CHOICE;

		public String labelKey() {
			return "customField.type." + name();
		}
	}

	/** The label in the reader's language, the English one when no Japanese label was given. */
	public String label(Locale locale) {
		return "ja".equals(locale.getLanguage()) && labelJa != null ? labelJa : label;
	}

	/**
	 * The stored form of a value, or null for an empty one.
	 * @throws IllegalArgumentException with a message key when the value does not fit the type
	 */
	String normalize(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		return switch (type) {
			case TEXT -> {
				if (text.length() > 1000) {
					throw new IllegalArgumentException("customField.value.tooLong");
				}
				yield text;
			}
			case NUMBER -> {
				try {
					yield new BigDecimal(text.replaceAll("[,\\s]", "")).stripTrailingZeros().toPlainString();
				}
				catch (NumberFormatException notANumber) {
					throw new IllegalArgumentException("customField.value.number");
				}
			}
			case DATE -> {
				try {
					yield LocalDate.parse(text.replace('/', '-'), DATE).toString();
				}
				catch (DateTimeParseException notADate) {
					throw new IllegalArgumentException("customField.value.date");
				}
			}
			case CHOICE -> choices.stream()
				.filter(choice -> choice.equalsIgnoreCase(text))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("customField.value.choice"));
		};
	}
}
