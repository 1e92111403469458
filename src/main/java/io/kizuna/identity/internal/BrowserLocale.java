package io.kizuna.identity.internal;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * Writes a user's language and time zone into this browser's locale cookie, so that every following
 * page uses them. A language is written only when somebody chose one; otherwise the cookie leaves it
 * open and pages keep following the browser's Accept-Language.
 */
@Component
class BrowserLocale {

	private final CookieLocaleResolver resolver;

	BrowserLocale(CookieLocaleResolver resolver) {
		this.resolver = resolver;
	}

	/** Null for either keeps what the browser has now. */
	void apply(HttpServletRequest request, HttpServletResponse response, Locale language, ZoneId zone) {
		TimeZone currentZone = ((TimeZoneAwareLocaleContext) resolver.resolveLocaleContext(request)).getTimeZone();
		Locale chosen = language != null ? language : chosenLanguage(request).orElse(null);
		resolver.setLocaleContext(request, response, new SimpleTimeZoneAwareLocaleContext(chosen,
				zone != null ? TimeZone.getTimeZone(zone) : currentZone));
	}

	/** The language this browser chose explicitly, if any (the cookie holds "ja/Asia/Tokyo" or "-/Asia/Tokyo"). */
	Optional<Locale> chosenLanguage(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return Optional.empty();
		}
		return Arrays.stream(cookies)
			.filter(cookie -> LocaleConfiguration.COOKIE.equals(cookie.getName()))
			.map(cookie -> cookie.getValue().split("[/ ]", 2)[0])
			.filter(tag -> !tag.isEmpty() && !"-".equals(tag))
			.map(Locale::forLanguageTag)
			.filter(LocaleConfiguration::supported)
			.findFirst();
	}
}
