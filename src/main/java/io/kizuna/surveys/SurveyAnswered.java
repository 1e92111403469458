package io.kizuna.surveys;

import java.time.Instant;

import io.kizuna.accounts.AccountId;

/** A survey answer was recorded, corrected or removed. */
public record SurveyAnswered(SurveyAnswerId answerId, AccountId accountId, SurveyKind kind, int score,
		Instant answeredAt, Action action) {

	public enum Action {
		RECORDED, CHANGED, DELETED
	}
}
