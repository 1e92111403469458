package io.kizuna.surveys;

import java.util.UUID;

public record SurveyAnswerId(UUID value) {

	public static SurveyAnswerId random() {
		return new SurveyAnswerId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
