package io.kizuna.web.internal;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** Builds RFC 9457 problem details whose title and detail speak the caller's language. */
@Component
class Problems {

	private final MessageSource messages;

	Problems(MessageSource messages) {
		this.messages = messages;
	}

	ProblemDetail of(HttpStatusCode status, String detailKey, Object[] arguments, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		localizeTitle(problem, locale);
		problem.setDetail(messages.getMessage(detailKey, arguments, detailKey, locale));
		return problem;
	}

	void localizeTitle(ProblemDetail problem, Locale locale) {
		problem.setTitle(messages.getMessage("problem.title." + problem.getStatus(), null, problem.getTitle(), locale));
	}

	String message(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}
}
