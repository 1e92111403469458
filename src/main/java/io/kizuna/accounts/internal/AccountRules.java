package io.kizuna.accounts.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Input rules Bean Validation cannot state on a comma-separated list or a country code list. */
final class AccountRules {

	private static final Pattern DOMAIN = Pattern
		.compile("(?i)(https?://)?(www\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}/?");

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	static final String EXTERNAL_ID = "^$|[A-Za-z0-9_-]{1,64}";

	private AccountRules() {
	}

	static List<String> splitDomains(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
	}

	static boolean validDomains(List<String> domains) {
		return domains == null || domains.stream().allMatch(d -> d != null && DOMAIN.matcher(d.trim()).matches());
	}

	static boolean validCountry(String code) {
		return code == null || code.isBlank() || COUNTRIES.contains(code);
	}
}
