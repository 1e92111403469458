package io.kizuna.web.internal;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.kizuna.shared.KizunaException;
import io.kizuna.shared.TooManyRequestsException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.beans.TypeMismatchException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every failure of a REST endpoint becomes RFC 9457 problem+json: Spring MVC's own exceptions
 * (400, 405, 406, 413, 415…) through the base class, Kizuna's refusals with their status and a
 * message in the caller's language, validation with one entry per field. An unexpected failure is
 * logged with a reference id and answered 500 without any internals.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final Problems problems;

	private final MessageSource messages;

	ApiExceptionHandler(Problems problems, MessageSource messages) {
		this.problems = problems;
		this.messages = messages;
	}

	record FieldProblem(String field, String message) {
	}

	@ExceptionHandler(KizunaException.class)
	ResponseEntity<ProblemDetail> refused(KizunaException refusal, Locale locale) {
		ProblemDetail problem = problems.of(refusal.status(), refusal.messageKey(), refusal.arguments(), locale);
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(refusal.status());
		if (refusal instanceof TooManyRequestsException tooMany) {
			answer.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, tooMany.retryAfter().toSeconds())));
		}
		return answer.body(problem);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> forbidden(Locale locale) {
		return ResponseEntity.status(HttpStatus.FORBIDDEN)
			.body(problems.of(HttpStatus.FORBIDDEN, "error.forbidden", null, locale));
	}

	@ExceptionHandler(AuthenticationException.class)
	ResponseEntity<ProblemDetail> unauthorized(Locale locale) {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"kizuna\"")
			.body(problems.of(HttpStatus.UNAUTHORIZED, "error.unauthorized", null, locale));
	}

	/** A unique index caught what a check did not (two requests at once): a conflict, not a crash. */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ProblemDetail> conflict(Locale locale) {
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.body(problems.of(HttpStatus.CONFLICT, "error.conflict", null, locale));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception failure, Locale locale) {
		String reference = UUID.randomUUID().toString();
		log.error("Unexpected API failure, reference {}", reference, failure);
		ProblemDetail problem = problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "error.unexpected",
				new Object[] { reference }, locale);
		problem.setProperty("reference", reference);
		return ResponseEntity.internalServerError().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException invalid,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Locale locale = request.getLocale();
		ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "error.validation", null, locale);
		List<FieldProblem> fields = invalid.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> new FieldProblem(error.getField(), message(error, locale)))
			.toList();
		problem.setProperty("errors", fields);
		return handleExceptionInternal(invalid, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	/**
	 * A parameter that cannot be read as what it must be ({@code ?from=yesterday}, {@code ?page=two}): the
	 * default text names a Java conversion; this one names the parameter and shows what a good value looks like.
	 */
	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException mismatch, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		Locale locale = request.getLocale();
		String name = mismatch instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
				: mismatch.getPropertyName();
		Class<?> type = mismatch.getRequiredType();
		String expected = messages.getMessage("error.typeMismatch.expected." + kind(type),
				new Object[] { type != null && type.isEnum() ? enumValues(type) : "" }, locale);
		ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "error.typeMismatch",
				new Object[] { String.valueOf(mismatch.getValue()), name, expected }, locale);
		return handleExceptionInternal(mismatch, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	private static String kind(Class<?> type) {
		if (type == null) {
			return "other";
		}
		if (type.isEnum()) {
			return "choice";
		}
		if (type == java.time.LocalDate.class) {
			return "date";
		}
		if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class) {
			return "time";
		}
		if (type == UUID.class || type.getSimpleName().endsWith("Id")) {
			return "id";
		}
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
			return "number";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "boolean";
		}
		return "other";
	}

	private static String enumValues(Class<?> type) {
		return String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString).toList());
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
			WebRequest request) {
		if (body instanceof ProblemDetail problem) {
			problems.localizeTitle(problem, request.getLocale());
		}
		return super.createResponseEntity(body, headers, status, request);
	}

	/** A choice that is not one of the choices names them: "not valid" alone leaves the caller guessing. */
	private String message(FieldError error, Locale locale) {
		if (error.contains(TypeMismatchException.class)) {
			Class<?> type = error.unwrap(TypeMismatchException.class).getRequiredType();
			if (type != null && type.isEnum()) {
				return messages.getMessage("error.field.choice", new Object[] { enumValues(type) }, locale);
			}
		}
		return messages.getMessage(error, locale);
	}

}
