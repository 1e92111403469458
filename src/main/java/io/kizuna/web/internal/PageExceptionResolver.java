package io.kizuna.web.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.kizuna.shared.KizunaException;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.handler.AbstractHandlerExceptionResolver;

/**
 * A refusal raised by a page (an unknown user id, say) becomes its HTTP status, and the container
 * shows the friendly error page for it, instead of a 500. API controllers never get here: their
 * advice answers with problem+json first.
 */
@Component
class PageExceptionResolver extends AbstractHandlerExceptionResolver {

	static final String REFUSAL = PageExceptionResolver.class.getName() + ".refusal";

	PageExceptionResolver() {
		setOrder(Ordered.LOWEST_PRECEDENCE);
	}

	@Override
	protected ModelAndView doResolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception failure) {
		if (!(failure instanceof KizunaException refusal)) {
			return null;
		}
		try {
			// The error page says why, in the person's language, instead of only the status.
			request.setAttribute(REFUSAL, refusal);
			response.sendError(refusal.status().value());
			return new ModelAndView();
		}
		catch (IOException clientGone) {
			return null;
		}
	}
}
