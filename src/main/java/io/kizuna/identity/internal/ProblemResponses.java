package io.kizuna.identity.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problem+json answers from the security filters, which run before Spring MVC and
 * its exception handlers: the same shape as every other API error.
 */
@Component
class ProblemResponses {

	private final JsonMapper json;

	private final MessageSource messages;

	ProblemResponses(JsonMapper json, MessageSource messages) {
		this.json = json;
		this.messages = messages;
	}

	void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detailKey,
			Object... arguments) throws IOException {
		Locale locale = request.getLocale();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(), locale));
		body.put("status", status.value());
		body.put("detail", messages.getMessage(detailKey, arguments, locale));
		body.put("instance", request.getRequestURI());
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(json.writeValueAsString(body));
	}

	void writeTooManyRequests(HttpServletRequest request, HttpServletResponse response, Duration retryAfter)
			throws IOException {
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
		write(request, response, HttpStatus.TOO_MANY_REQUESTS, "error.tooManyRequests",
				LoginThrottle.minutesRoundedUp(retryAfter));
	}
}
