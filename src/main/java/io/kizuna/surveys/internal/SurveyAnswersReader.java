package io.kizuna.surveys.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.kizuna.accounts.AccountId;
import io.kizuna.surveys.SurveyAnswers;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class SurveyAnswersReader implements SurveyAnswers {

	private final SurveyAnswerStore store;

	SurveyAnswersReader(SurveyAnswerStore store) {
		this.store = store;
	}

	@Override
	public void forEach(Consumer<Score> scores) {
		store.forEach(answer -> scores.accept(score(answer)));
	}

	@Override
	public Map<AccountId, List<Score>> ofAccounts(Collection<AccountId> accounts) {
		return store.ofAccounts(accounts)
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().stream().map(SurveyAnswersReader::score).toList()));
	}

	private static Score score(SurveyAnswer answer) {
		return new Score(answer.account(), answer.kind(), answer.score(), answer.answeredAt());
	}
}
