package io.kizuna.web.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Formats instants for people: in the user's time zone and the page's language. Templates call it
 * as {@code ${@dates.dateTime(user.createdAt)}}; nothing on a page formats a date any other way.
 */
@Component("dates")
public class DateDisplay {

	private static final String NONE = "–";

	public String dateTime(Instant instant) {
		return instant == null ? NONE
				: DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
					.withLocale(LocaleContextHolder.getLocale())
					.format(instant.atZone(zone()));
	}

	public String date(Instant instant) {
		return instant == null ? NONE
				: DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
					.withLocale(LocaleContextHolder.getLocale())
					.format(instant.atZone(zone()));
	}

	/** A calendar day (a contract's start or renewal), which has no time zone of its own. */
	public String day(LocalDate day) {
		return day == null ? NONE
				: DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(LocaleContextHolder.getLocale()).format(day);
	}

	/** Machine-readable form for {@code <time datetime>}. */
	public String iso(Instant instant) {
		return instant == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone()));
	}

	public ZoneId zone() {
		return LocaleContextHolder.getTimeZone().toZoneId();
	}
}
