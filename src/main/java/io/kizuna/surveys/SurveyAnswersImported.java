package io.kizuna.surveys;

import java.util.List;

/** Many answers at once (a CSV import, the demo company), told in one event. */
public record SurveyAnswersImported(List<SurveyAnswered> answers) {
}
