package io.kizuna.web.internal;

import java.util.Locale;
import java.util.TimeZone;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.kizuna.identity.SignedInUser;
import io.kizuna.identity.UserPreferences;

import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The language switch in the header. Signed-in users keep their choice in their profile, so it
 * follows them to other browsers; on the sign-in page the choice lives in a cookie only.
 */
@Controller
class LanguageController {

	private final CookieLocaleResolver localeResolver;

	private final UserPreferences preferences;

	LanguageController(CookieLocaleResolver localeResolver, UserPreferences preferences) {
		this.localeResolver = localeResolver;
		this.preferences = preferences;
	}

	@PostMapping("/preferences/language")
	@PreAuthorize("permitAll()")
	String change(@RequestParam Locale language, @RequestParam(defaultValue = "/") String returnTo,
			@AuthenticationPrincipal SignedInUser me, HttpServletRequest request, HttpServletResponse response) {
		Locale chosen = LocaleConfiguration.supported(language) ? Locale.forLanguageTag(language.getLanguage())
				: Locale.ENGLISH;
		TimeZone zone = ((TimeZoneAwareLocaleContext) localeResolver.resolveLocaleContext(request)).getTimeZone();
		localeResolver.setLocaleContext(request, response, new SimpleTimeZoneAwareLocaleContext(chosen, zone));
		if (me != null) {
			preferences.changeLanguage(me.id(), chosen);
		}
		return "redirect:" + safeLocalPath(returnTo);
	}

	/** Only paths on this site, so that the switch cannot be used to send people elsewhere. */
	static String safeLocalPath(String path) {
		if (path == null || !path.startsWith("/") || path.startsWith("//") || path.contains("\\")
				|| path.contains("\r") || path.contains("\n")) {
			return "/";
		}
		return path;
	}
}
