package io.kizuna.surveys.internal;

import java.time.Instant;

import io.kizuna.accounts.AccountId;
import io.kizuna.surveys.SurveyAnswerId;
import io.kizuna.surveys.SurveyAnswered;
import io.kizuna.surveys.SurveyKind;

/** One answer: who answered (account, and the contact's e-mail when known), which question, the score and when. */
record SurveyAnswer(SurveyAnswerId id, AccountId account, String contactEmail, SurveyKind kind, int score,
		String comment, Instant answeredAt, String externalId, Instant createdAt) {

	SurveyAnswered told(SurveyAnswered.Action action) {
		return new SurveyAnswered(id, account, kind, score, answeredAt, action);
	}

	/** Whether another answer says the same (the import's "unchanged"). */
	boolean sameAs(SurveyAnswer other) {
		return other != null && account.equals(other.account) && java.util.Objects.equals(contactEmail, other.contactEmail)
				&& kind == other.kind && score == other.score && java.util.Objects.equals(comment, other.comment)
				&& answeredAt.equals(other.answeredAt);
	}
}
