package io.kizuna.health.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * What a scorecard's measures can read. Each metric reads a value from an account's signals (null when
 * there is no data for it) and has a default rule: the value worth 0 points and the value worth 100. New
 * sources (support tickets, in-app guides) join as new metrics when their modules arrive.
 */
enum Metric {

	/** Active users of the last 30 days as a percentage of the seats paid for. */
	ACTIVE_USERS_PER_SEAT(0, 80) {
		@Override
		Reading read(Signals s, LocalDate today, ZoneId zone) {
			if (s.billing() == null || s.billing().seats() <= 0) {
				return null;
			}
			long active = s.usage() == null ? 0 : s.usage().activeUsers();
			return reading(100.0 * active / s.billing().seats(), active, s.billing().seats());
		}
	},

	/** Change of the active users against the 30 days before, in percent. */
	ACTIVE_USERS_TREND(-50, 10) {
		@Override
		Reading read(Signals s, LocalDate today, ZoneId zone) {
			if (s.usage() == null || s.usage().activeUsers() + s.usage().previousActiveUsers() == 0) {
				return null;
			}
			long now = s.usage().activeUsers();
			long before = s.usage().previousActiveUsers();
			double change = before == 0 ? 100 : 100.0 * (now - before) / before;
			return reading(change, now, before);
		}
	},

	/** Share of the named features used in the last 30 days, in percent. */
	FEATURE_BREADTH(0, 60) {
		@Override
		Reading read(Signals s, LocalDate today, ZoneId zone) {
			if (s.usage() == null || s.usage().featuresNamed() == 0) {
				return null;
			}
			return reading(100.0 * s.usage().featuresUsed() / s.usage().featuresNamed(), s.usage().featuresUsed(),
					s.usage().featuresNamed());
		}
	},

	/** Days since anyone of the account was last seen in the product ("no login for 14 days"). */
	DAYS_SINCE_LAST_SEEN(14, 2) {
		@Override
		Reading read(Signals s, LocalDate today, ZoneId zone) {
			if (s.usage() == null || s.usage().lastSeen() == null) {
				return null;
			}
			long days = Math.max(0, ChronoUnit.DAYS.between(s.usage().lastSeen().atZone(zone).toLocalDate(), today));
			return reading(days, days);
		}
	},

	/** Average NPS rating (0–10) of the account's answers in the survey window. */
	NPS(4, 9) {
		@Override
		Reading read(Signals s, LocalDate today, ZoneId zone) {
			if (s.surveys() == null || s.surveys().npsAnswers() == 0) {
				return null;
			}
			return reading(s.surveys().npsAverage(), tenth(s.surveys().npsAverage()), s.surveys().npsAnswers());
		}
	},

	/** Average CSAT (1–5) of the account's answers in the survey window. */
	CSAT(2, 5) {
		@Override
		Reading read(Signals s, LocalDate today, ZoneId zone) {
			if (s.surveys() == null || s.surveys().csatAnswers() == 0) {
				return null;
			}
			return reading(s.surveys().csatAverage(), tenth(s.surveys().csatAverage()), s.surveys().csatAnswers());
		}
	},

	/** 2 paying, 1 on trial, 0 cancelling or nothing live. */
	BILLING(0, 2) {
		@Override
		Reading read(Signals s, LocalDate today, ZoneId zone) {
			if (s.billing() == null) {
				return null;
			}
			return new Reading(s.billing().state().level(), "health.reading.BILLING." + s.billing().state());
		}
	},

	/** Whole months since the account first paid. */
	CONTRACT_AGE(0, 24) {
		@Override
		Reading read(Signals s, LocalDate today, ZoneId zone) {
			if (s.billing() == null || s.billing().customerSince() == null) {
				return null;
			}
			long months = Math.max(0, ChronoUnit.MONTHS.between(s.billing().customerSince(), today));
			return reading(months, months);
		}
	},

	/** The CSM's sentiment: 2 positive, 1 neutral, 0 negative. */
	SENTIMENT(0, 2) {
		@Override
		Reading read(Signals s, LocalDate today, ZoneId zone) {
			if (s.sentiment() == null) {
				return null;
			}
			return new Reading(s.sentiment().level(), "health.reading.SENTIMENT." + s.sentiment());
		}
	};

	private final double worst;

	private final double best;

	Metric(double worst, double best) {
		this.worst = worst;
		this.best = best;
	}

	abstract Reading read(Signals signals, LocalDate today, ZoneId zone);

	double defaultWorst() {
		return worst;
	}

	double defaultBest() {
		return best;
	}

	public String labelKey() {
		return "health.metric." + name();
	}

	public String unitKey() {
		return "health.metric.unit." + name();
	}

	/** Averages are said to one decimal. */
	static double tenth(double value) {
		return Math.round(value * 10) / 10.0;
	}

	/** What a reading said, for storing: the state's name (billing, sentiment) or the message's arguments. */
	java.util.List<Object> said(Reading reading) {
		String base = "health.reading." + name();
		return reading.messageKey().equals(base) ? java.util.List.of(reading.arguments())
				: java.util.List.of(reading.messageKey().substring(base.length() + 1));
	}

	/** The reading again from its value and what it said. */
	Reading reading(double value, java.util.List<Object> said) {
		if (said.size() == 1 && said.getFirst() instanceof String state) {
			return new Reading(value, "health.reading." + name() + "." + state);
		}
		return new Reading(value, "health.reading." + name(), said.toArray());
	}

	Reading reading(double value, Object... arguments) {
		return new Reading(value, "health.reading." + name(), arguments);
	}
}
