package io.kizuna.health.internal;

import java.time.Instant;
import java.util.List;

import io.kizuna.surveys.SurveyAnswers;
import io.kizuna.surveys.SurveyKind;

/** An account's survey scores as health reads them: the averages of its answers since a moment. */
final class SurveySignals {

	private SurveySignals() {
	}

	static Signals.SurveyScores of(List<SurveyAnswers.Score> answers, Instant since) {
		double nps = 0;
		int npsCount = 0;
		double csat = 0;
		int csatCount = 0;
		for (SurveyAnswers.Score answer : answers) {
			if (answer.answeredAt().isBefore(since)) {
				continue;
			}
			if (answer.kind() == SurveyKind.NPS) {
				nps += answer.score();
				npsCount++;
			}
			else if (answer.kind() == SurveyKind.CSAT) {
				csat += answer.score();
				csatCount++;
			}
		}
		if (npsCount + csatCount == 0) {
			return null;
		}
		return new Signals.SurveyScores(npsCount == 0 ? 0 : nps / npsCount, npsCount,
				csatCount == 0 ? 0 : csat / csatCount, csatCount);
	}
}
