package io.kizuna.web.internal;

import java.util.List;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout needs on every page: the navigation the user may see and where they are now.
 * Thymeleaf 3.1 no longer exposes the request to templates, so the path comes from here.
 */
@ControllerAdvice(annotations = Controller.class)
class ShellModelAdvice {

	private final Navigation navigation;

	ShellModelAdvice(Navigation navigation) {
		this.navigation = navigation;
	}

	@ModelAttribute("navigation")
	List<Area> navigation() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return navigation.visibleTo(authentication);
	}

	/** Where the person is, for the language switch to return to; on an error page, the page that failed. */
	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (failed instanceof String failedUri) {
			return failedUri.substring(request.getContextPath().length());
		}
		String query = request.getQueryString();
		return path(request) + (query == null ? "" : "?" + query);
	}

	@ModelAttribute("currentArea")
	Area currentArea(HttpServletRequest request) {
		return Navigation.current(path(request));
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}
}
