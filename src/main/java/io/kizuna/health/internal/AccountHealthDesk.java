package io.kizuna.health.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import io.kizuna.accounts.AccountId;
import io.kizuna.accounts.AccountRecords;
import io.kizuna.health.HealthBand;
import io.kizuna.identity.CurrentUser;
import io.kizuna.identity.UserId;
import io.kizuna.shared.InvalidRequest;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * One account's health as people see it: the score in force (a CSM's override while it lasts, else the
 * computed one), why, its history, and the CSM's sentiment; and what a CSM may do about it.
 */
@Service
@Transactional
class AccountHealthDesk {

	private static final TypeReference<java.util.Map<Metric, Double>> VALUES = new TypeReference<>() {
	};

	private static final TypeReference<java.util.Map<Metric, List<Object>>> READINGS = new TypeReference<>() {
	};

	/** An account's health as shown; score and band are null until some measure has data. */
	record View(AccountId account, Integer score, HealthBand band, Integer computedScore, HealthBand computedBand,
			String scorecard, Instant computedAt, List<Explanation.Part> parts, CsmJudgement.Override override,
			Integer trend, List<HealthRecords.Day> history, CsmJudgement.SentimentNote sentiment) {

		public boolean overridden() {
			return override != null;
		}
	}

	private final HealthRecords records;

	private final CsmJudgement judgement;

	private final Scorecards scorecards;

	private final HealthEngine engine;

	private final AccountRecords accounts;

	private final ObjectMapper json;

	private final Clock clock;

	AccountHealthDesk(HealthRecords records, CsmJudgement judgement, Scorecards scorecards, HealthEngine engine,
			AccountRecords accounts, ObjectMapper json, Clock clock) {
		this.records = records;
		this.judgement = judgement;
		this.scorecards = scorecards;
		this.engine = engine;
		this.accounts = accounts;
		this.json = json;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	View of(AccountId account, int days) {
		accounts.require(account);
		UUID id = account.value();
		Instant now = clock.instant();
		LocalDate today = engine.today();
		var current = records.current(id).orElse(null);
		var override = judgement.override(id, now).orElse(null);
		var sentiment = judgement.sentiment(id).orElse(null);
		// Reaching back at least 30 days, so that the trend comes from the same read.
		List<HealthRecords.Day> history = records.history(id, today.minusDays(Math.max(days - 1L, 30)));
		if (current == null) {
			return new View(account, override == null ? null : override.score(), null, null, null, null, null,
					List.of(), override, null, history, sentiment);
		}
		Scorecard card = scorecards.find(current.scorecard()).orElseGet(Scorecard::standard);
		Integer shown = override != null ? override.score() : current.score();
		Integer monthAgo = HealthRecords.daily(history, today.minusDays(30), today.minusDays(30)).stream()
			.findFirst()
			.map(HealthRecords.Day::score)
			.orElse(null);
		return new View(account, shown, card.band(shown), current.score(), current.band(), card.name(),
				current.computedAt(), explanation(card, current), override,
				monthAgo == null ? null : current.score() - monthAgo, history, sentiment);
	}

	/**
	 * Each measure's part: the stored values and what each reading said, scored again with the card that
	 * scored them (a changed card rescores and rewrites the row, so the two always belong together).
	 */
	private List<Explanation.Part> explanation(Scorecard card, HealthRecords.Day day) {
		java.util.Map<Metric, Double> values = new java.util.EnumMap<>(Metric.class);
		values.putAll(json.readValue(day.values(), VALUES));
		java.util.Map<Metric, Reading> readings = new java.util.EnumMap<>(Metric.class);
		if (day.readings() != null) {
			json.readValue(day.readings(), READINGS).forEach((metric, said) -> {
				if (values.containsKey(metric)) {
					readings.put(metric, metric.reading(values.get(metric), said));
				}
			});
		}
		return card.score(readings, values)
			.contributions()
			.stream()
			.map(c -> new Explanation.Part(c.metric(), c.weight(), c.points(), Math.round(c.share() * 10) / 10.0,
					c.hasData() ? c.reading().messageKey() : null,
					c.hasData() ? List.of(c.reading().arguments()) : List.of()))
			.toList();
	}

	/** A CSM's override: a score from 0 to 100, a reason, and the day it ends (within a year). */
	void override(AccountId account, int score, String reason, LocalDate until, ZoneId zone) {
		accounts.require(account);
		if (score < 0 || score > 100) {
			throw new InvalidRequest("health.override.invalid.score");
		}
		if (reason == null || reason.isBlank() || reason.length() > 1000) {
			throw new InvalidRequest("health.override.invalid.reason");
		}
		LocalDate today = LocalDate.now(clock.withZone(zone));
		if (until == null || !until.isAfter(today) || until.isAfter(today.plusYears(1))) {
			throw new InvalidRequest("health.override.invalid.until");
		}
		Instant now = clock.instant();
		judgement.override(new CsmJudgement.Override(account.value(), score, reason.strip(),
				until.atStartOfDay(zone).toInstant(), CurrentUser.id().map(UserId::value).orElse(null), now));
		engine.markDirty(List.of(account.value()));
	}

	void endOverride(AccountId account) {
		accounts.require(account);
		judgement.endOverride(account.value());
		engine.markDirty(List.of(account.value()));
	}

	/** Sets the CSM's sentiment (null clears it); it is one of the measures, so the score follows. */
	void sentiment(AccountId account, Sentiment sentiment, String note) {
		accounts.require(account);
		if (note != null && note.length() > 1000) {
			throw new InvalidRequest("health.sentiment.invalid.note");
		}
		judgement.sentiment(account.value(), sentiment == null ? null
				: new CsmJudgement.SentimentNote(sentiment, note == null || note.isBlank() ? null : note.strip(),
						CurrentUser.id().map(UserId::value).orElse(null), clock.instant()));
		engine.markDirty(List.of(account.value()));
	}
}
