package io.kizuna.surveys.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.kizuna.accounts.AccountId;
import io.kizuna.accounts.AccountRecords;
import io.kizuna.shared.ConflictException;
import io.kizuna.shared.InvalidRequest;
import io.kizuna.shared.NotFoundException;
import io.kizuna.surveys.SurveyAnswerId;
import io.kizuna.surveys.SurveyAnswered;
import io.kizuna.surveys.SurveyKind;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records survey answers one at a time (the API); imports write in batches through the importer. Both
 * check the same {@link #check rules} and tell the rest with {@link SurveyAnswered}.
 */
@Service
@Transactional
class SurveyAnswerBook {

	/** Clocks differ; an answer dated a little ahead is the sender's clock, a day ahead is a mistake. */
	private static final Duration SKEW = Duration.ofDays(1);

	record Recorded(SurveyAnswer answer, boolean created) {
	}

	private final SurveyAnswerStore store;

	private final AccountRecords accounts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SurveyAnswerBook(SurveyAnswerStore store, AccountRecords accounts, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	SurveyAnswer get(SurveyAnswerId id) {
		return store.find(id).orElseThrow(() -> new NotFoundException("survey.notFound", id));
	}

	SurveyAnswer record(AccountId account, String contactEmail, SurveyKind kind, int score, String comment,
			Instant answeredAt, String externalId) {
		accounts.require(account);
		check(kind, score, answeredAt, clock);
		if (externalId != null && !store.byExternalIds(java.util.List.of(externalId)).isEmpty()) {
			throw new ConflictException("survey.externalId.taken", externalId);
		}
		SurveyAnswer answer = new SurveyAnswer(SurveyAnswerId.random(), account, contactEmail, kind, score, comment,
				answeredAt, externalId, clock.instant());
		store.insert(answer);
		events.publishEvent(answer.told(SurveyAnswered.Action.RECORDED));
		return answer;
	}

	/** Creates or corrects the answer with this external id; the same answer again changes nothing. */
	Recorded upsert(String externalId, AccountId account, String contactEmail, SurveyKind kind, int score,
			String comment, Instant answeredAt) {
		var existing = store.byExternalIds(java.util.List.of(externalId)).get(externalId);
		if (existing == null) {
			return new Recorded(record(account, contactEmail, kind, score, comment, answeredAt, externalId), true);
		}
		accounts.require(account);
		check(kind, score, answeredAt, clock);
		SurveyAnswer corrected = new SurveyAnswer(existing.id(), account, contactEmail, kind, score, comment, answeredAt,
				externalId, existing.createdAt());
		if (!corrected.sameAs(existing)) {
			store.updateAll(java.util.List.of(corrected));
			events.publishEvent(corrected.told(SurveyAnswered.Action.CHANGED));
			if (!existing.account().equals(account)) {
				events.publishEvent(existing.told(SurveyAnswered.Action.DELETED));
			}
		}
		return new Recorded(corrected, false);
	}

	void delete(SurveyAnswerId id) {
		SurveyAnswer answer = get(id);
		store.delete(id);
		events.publishEvent(answer.told(SurveyAnswered.Action.DELETED));
	}

	/** The rules every answer meets, wherever it comes from. */
	static void check(SurveyKind kind, int score, Instant answeredAt, Clock clock) {
		if (!kind.accepts(score)) {
			throw new InvalidRequest("survey.score.range", kind, score, kind.lowest(), kind.highest());
		}
		if (answeredAt.isAfter(clock.instant().plus(SKEW))) {
			throw new InvalidRequest("survey.answeredAt.future");
		}
	}
}
