package io.kizuna.health.internal;

import java.time.LocalDate;

import io.kizuna.usage.UsageSignals;

/**
 * What is known of one account that a measure may read, gathered from the modules that own it. Each part
 * is null until its source has said something; a measure whose part is missing has no data and its weight
 * goes to the others.
 */
record Signals(UsageSignals.Signal usage, Billing billing, SurveyScores surveys, Sentiment sentiment) {

	static final Signals NONE = new Signals(null, null, null, null);

	/** Seats of the live subscriptions, how the account pays, and since when it has paid at all. */
	record Billing(int seats, BillingState state, LocalDate customerSince) {
	}

	/** Paying without notice is healthy; on trial is in between; cancelling or nothing live is not. */
	enum BillingState {
		NONE, CANCELLING, TRIAL, PAYING;

		double level() {
			return switch (this) {
				case NONE, CANCELLING -> 0;
				case TRIAL -> 1;
				case PAYING -> 2;
			};
		}
	}

	/** Average NPS rating (0–10) and CSAT (1–5) of the answers within the survey window. */
	record SurveyScores(double npsAverage, int npsAnswers, double csatAverage, int csatAnswers) {
	}

	Signals withUsage(UsageSignals.Signal value) {
		return new Signals(value, billing, surveys, sentiment);
	}

	Signals withBilling(Billing value) {
		return new Signals(usage, value, surveys, sentiment);
	}

	Signals withSurveys(SurveyScores value) {
		return new Signals(usage, billing, value, sentiment);
	}

	Signals withSentiment(Sentiment value) {
		return new Signals(usage, billing, surveys, value);
	}
}
