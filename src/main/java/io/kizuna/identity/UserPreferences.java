package io.kizuna.identity;

import java.time.ZoneId;
import java.util.Locale;

/** Remembers a user's language and time zone across sessions and browsers. */
public interface UserPreferences {

	void changeLanguage(UserId user, Locale language);

	void changeTimeZone(UserId user, ZoneId timeZone);
}
