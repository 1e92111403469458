package io.kizuna.identity.internal;

import java.time.ZoneId;
import java.util.Locale;
import java.util.TimeZone;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Puts a user's saved language and time zone into this browser (the web shell's locale resolver
 * keeps them in a cookie), so that every page after sign-in or a profile change uses them.
 */
@Component
class BrowserLocale {

	private final LocaleResolver resolver;

	BrowserLocale(LocaleResolver resolver) {
		this.resolver = resolver;
	}

	/** Null for either keeps what the browser has now. */
	void apply(HttpServletRequest request, HttpServletResponse response, Locale language, ZoneId zone) {
		LocaleContext current = resolver instanceof org.springframework.web.servlet.LocaleContextResolver contextual
				? contextual.resolveLocaleContext(request) : null;
		Locale currentLocale = current == null ? resolver.resolveLocale(request) : current.getLocale();
		TimeZone currentZone = current instanceof TimeZoneAwareLocaleContext aware ? aware.getTimeZone() : null;
		var next = new SimpleTimeZoneAwareLocaleContext(language != null ? language : currentLocale,
				zone != null ? TimeZone.getTimeZone(zone) : currentZone);
		if (resolver instanceof org.springframework.web.servlet.LocaleContextResolver contextual) {
			contextual.setLocaleContext(request, response, next);
		}
		else {
			resolver.setLocale(request, response, next.getLocale());
		}
	}
}
