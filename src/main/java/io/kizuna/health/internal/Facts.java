package io.kizuna.health.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import io.kizuna.accounts.AccountRecords.AccountProfile;
import io.kizuna.health.HealthBand;

/**
 * An account as segment and lifecycle rules see it: its attributes, custom fields, revenue, usage and
 * health, each under a field name a rule can use.
 */
record Facts(AccountProfile profile, Signals signals, Integer score, HealthBand band, LocalDate today, ZoneId zone) {

	/** The fields a rule may name, besides {@code cf.<key>} for a custom field. */
	static final List<String> FIELDS = List.of("size", "plan", "stage", "country", "mrr", "score", "band",
			"activeUsers", "featuresUsed", "daysSinceLastSeen", "seats", "contractMonths");

	static boolean known(String field) {
		return field != null && (FIELDS.contains(field) || field.matches("cf\\.[a-z0-9_]{1,60}"));
	}

	/** The field's value: a string, a number, or null when the account has none. */
	Object value(String field) {
		if (field.startsWith("cf.")) {
			return profile.custom().get(field.substring(3));
		}
		return switch (field) {
			case "size" -> profile.size() == null ? null : profile.size().name();
			case "plan" -> profile.plan();
			case "stage" -> profile.stage() == null ? null : profile.stage().name();
			case "country" -> profile.country();
			case "mrr" -> profile.mrrReporting() == null ? 0.0 : profile.mrrReporting().amount().doubleValue();
			case "score" -> score == null ? null : score.doubleValue();
			case "band" -> band == null ? null : band.name();
			case "activeUsers" -> signals.usage() == null ? 0.0 : (double) signals.usage().activeUsers();
			case "featuresUsed" -> signals.usage() == null ? 0.0 : (double) signals.usage().featuresUsed();
			case "daysSinceLastSeen" -> reading(Metric.DAYS_SINCE_LAST_SEEN);
			case "seats" -> signals.billing() == null ? 0.0 : (double) signals.billing().seats();
			case "contractMonths" -> reading(Metric.CONTRACT_AGE);
			default -> null;
		};
	}

	private Double reading(Metric metric) {
		Reading reading = metric.read(signals, today, zone);
		return reading == null ? null : reading.value();
	}
}
