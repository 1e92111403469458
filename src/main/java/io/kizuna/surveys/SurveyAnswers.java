package io.kizuna.surveys;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.kizuna.accounts.AccountId;

/** The stored answers, for modules that compute scores from them (NPS and CSAT over time). */
public interface SurveyAnswers {

	/** What a score needs of an answer. */
	record Score(AccountId account, SurveyKind kind, int score, Instant answeredAt) {
	}

	void forEach(Consumer<Score> scores);

	Map<AccountId, List<Score>> ofAccounts(Collection<AccountId> accounts);
}
