package io.kizuna.identity.internal;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.kizuna.identity.SignedInUser;
import io.kizuna.identity.UserPreferences;

import org.springframework.stereotype.Service;

@Service
class LanguageChoice implements UserPreferences {

	private final Profiles profiles;

	private final BrowserLocale browserLocale;

	LanguageChoice(Profiles profiles, BrowserLocale browserLocale) {
		this.profiles = profiles;
		this.browserLocale = browserLocale;
	}

	@Override
	public Locale chooseLanguage(SignedInUser user, Locale language, HttpServletRequest request,
			HttpServletResponse response) {
		Locale chosen = LocaleConfiguration.supported(language) ? Locale.forLanguageTag(language.getLanguage())
				: Locale.ENGLISH;
		browserLocale.apply(request, response, chosen, null);
		if (user != null) {
			profiles.changeLanguage(user.id(), chosen);
		}
		return chosen;
	}
}
