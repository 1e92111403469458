package io.kizuna.web.internal;

import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Where the servlet container sends every error that no handler answered (unknown paths, refused
 * pages, failures while rendering). API callers get problem+json, people get a page in their
 * language; neither ever sees a stack trace.
 */
@Controller
class ErrorPageController implements ErrorController {

	private final Problems problems;

	ErrorPageController(Problems problems) {
		this.problems = problems;
	}

	@RequestMapping("/error")
	@PreAuthorize("permitAll()")
	Object error(HttpServletRequest request, Locale locale) {
		HttpStatus status = status(request);
		String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (wantsProblem(request, path)) {
			ProblemDetail problem = problems.of(status, detailKey(status), null, locale);
			if (path != null) {
				problem.setInstance(java.net.URI.create(path));
			}
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		ModelAndView page = new ModelAndView("error");
		if (request.getAttribute(PageExceptionResolver.REFUSAL) instanceof io.kizuna.shared.KizunaException refusal) {
			page.addObject("reason", problems.of(status, refusal.messageKey(), refusal.arguments(), locale).getDetail());
		}
		page.setStatus(status);
		page.addObject("status", status.value());
		page.addObject("titleKey", detailKey(status).replace("error.page.", "problem.title."));
		page.addObject("detailKey", detailKey(status));
		return page;
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
		return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
	}

	private static boolean wantsProblem(HttpServletRequest request, String path) {
		if (path != null && (path.startsWith(request.getContextPath() + "/api/")
				|| path.startsWith(request.getContextPath() + "/actuator/"))) {
			return true;
		}
		String accept = request.getHeader("Accept");
		return accept != null && !accept.contains("text/html") && accept.contains("json");
	}

	private static String detailKey(HttpStatus status) {
		return switch (status.value()) {
			case 400, 401, 403, 404, 405, 409, 413, 415, 422, 429 -> "error.page." + status.value();
			default -> "error.page.other";
		};
	}
}
