package io.kizuna.identity.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * Language and time zone of each request. A cookie holds what the user chose (restored from their
 * profile at sign-in); without one, the language follows the browser's Accept-Language among the
 * languages Kizuna speaks, and the time zone is {@code kizuna.default-time-zone}.
 */
@Configuration
class LocaleConfiguration {

	static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.JAPANESE);

	static final String COOKIE = "KIZUNA_LOCALE";

	@Bean
	CookieLocaleResolver localeResolver(@Value("${kizuna.default-time-zone:Asia/Tokyo}") String defaultTimeZone) {
		CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setDefaultLocaleFunction(LocaleConfiguration::browserLanguage);
		TimeZone zone = TimeZone.getTimeZone(defaultTimeZone);
		resolver.setDefaultTimeZoneFunction(request -> zone);
		return resolver;
	}

	static Locale browserLanguage(HttpServletRequest request) {
		String header = request.getHeader("Accept-Language");
		if (header != null && !header.isBlank()) {
			try {
				Locale match = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
				if (match != null) {
					return match;
				}
			}
			catch (IllegalArgumentException malformedHeader) {
				return Locale.ENGLISH;
			}
		}
		return Locale.ENGLISH;
	}

	static boolean supported(Locale locale) {
		return SUPPORTED.stream().anyMatch(s -> s.getLanguage().equals(locale.getLanguage()));
	}
}
