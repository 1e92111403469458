package io.kizuna.metrics.internal;

import java.math.BigDecimal;

import io.kizuna.surveys.SurveyKind;

/**
 * NPS and CSAT answers counted per month of a report. NPS = % promoters (9–10) − % detractors (0–6),
 * from −100 to 100; CSAT = the share of answers of 4 or 5 on the 1–5 scale.
 */
record SurveyTally(int[] promoters, int[] passives, int[] detractors, int[] satisfied, int[] csatAnswers) {

	static SurveyTally empty(int months) {
		return new SurveyTally(new int[months], new int[months], new int[months], new int[months], new int[months]);
	}

	void add(SurveyLedger.Answers answers, int from, int to) {
		for (int i = 0; i < answers.months().length; i++) {
			int month = answers.months()[i];
			if (month < from || month > to) {
				continue;
			}
			int m = month - from;
			int score = answers.scores()[i];
			if (answers.kinds()[i] == SurveyKind.NPS) {
				if (score >= 9) {
					promoters[m]++;
				}
				else if (score >= 7) {
					passives[m]++;
				}
				else {
					detractors[m]++;
				}
			}
			else {
				csatAnswers[m]++;
				if (score >= 4) {
					satisfied[m]++;
				}
			}
		}
	}

	int npsAnswers(int from, int to) {
		int n = 0;
		for (int m = from; m <= to; m++) {
			n += promoters[m] + passives[m] + detractors[m];
		}
		return n;
	}

	/** NPS over months from..to (indexes), on −100…100 with one decimal place; null without answers. */
	BigDecimal nps(int from, int to) {
		int promoted = 0;
		int detracted = 0;
		for (int m = from; m <= to; m++) {
			promoted += promoters[m];
			detracted += detractors[m];
		}
		int answers = npsAnswers(from, to);
		BigDecimal share = MetricsFigures.ratio(promoted - detracted, answers);
		return share == null ? null : share.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_EVEN);
	}

	int csatAnswers(int from, int to) {
		int n = 0;
		for (int m = from; m <= to; m++) {
			n += csatAnswers[m];
		}
		return n;
	}

	/** CSAT over months from..to: the share of satisfied answers; null without answers. */
	BigDecimal csat(int from, int to) {
		int happy = 0;
		for (int m = from; m <= to; m++) {
			happy += satisfied[m];
		}
		return MetricsFigures.ratio(happy, csatAnswers(from, to));
	}
}
