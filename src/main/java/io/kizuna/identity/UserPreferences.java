package io.kizuna.identity;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A person's language, kept in this browser and, once signed in, in their profile so that it follows
 * them to other browsers. Until somebody chooses, pages follow the browser's Accept-Language.
 */
public interface UserPreferences {

	/** Switches this browser to the language and, for a signed-in user (may be null), remembers it. */
	Locale chooseLanguage(SignedInUser user, Locale language, HttpServletRequest request, HttpServletResponse response);
}
