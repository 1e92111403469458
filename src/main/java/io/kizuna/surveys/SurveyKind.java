package io.kizuna.surveys;

/**
 * The two questions Kizuna scores. NPS: "How likely are you to recommend us?" 0–10; promoters answer
 * 9–10, detractors 0–6. CSAT: "How satisfied were you?" 1–5; 4–5 counts as satisfied.
 */
public enum SurveyKind {

	NPS(0, 10), CSAT(1, 5);

	private final int lowest;

	private final int highest;

	SurveyKind(int lowest, int highest) {
		this.lowest = lowest;
		this.highest = highest;
	}

	public int lowest() {
		return lowest;
	}

	public int highest() {
		return highest;
	}

	public boolean accepts(int score) {
		return score >= lowest && score <= highest;
	}

	public String labelKey() {
		return "survey.kind." + name();
	}
}
