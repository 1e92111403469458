package io.kizuna.identity.internal;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.ZoneId;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.kizuna.identity.SignedInUser;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * What happens right after a sign-in attempt: failures feed the throttle; a success records the
 * login, remembers the browser's time zone if the user has none yet, and restores the user's own
 * language and time zone in this browser.
 */
@Component
class SignInHandlers extends SavedRequestAwareAuthenticationSuccessHandler implements AuthenticationFailureHandler {

	private final LoginThrottle throttle;

	private final Profiles profiles;

	private final BrowserLocale browserLocale;

	SignInHandlers(LoginThrottle throttle, Profiles profiles, BrowserLocale browserLocale) {
		this.throttle = throttle;
		this.profiles = profiles;
		this.browserLocale = browserLocale;
		setDefaultTargetUrl("/");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		SignedInUser user = (SignedInUser) authentication.getPrincipal();
		throttle.succeeded(user.getUsername());
		ZoneId browserZone = parseZone(request.getParameter("timeZone"));
		profiles.recordLogin(user.id(), browserZone);
		// A language picked on the sign-in page before the user ever chose one becomes their choice.
		if (user.language() == null) {
			browserLocale.chosenLanguage(request).ifPresent(chosen -> profiles.changeLanguage(user.id(), chosen));
		}
		browserLocale.apply(request, response, user.language(), user.timeZone() != null ? user.timeZone() : browserZone);
		super.onAuthenticationSuccess(request, response, authentication);
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		throttle.failed(request.getParameter("username"), request.getRemoteAddr());
		response.sendRedirect(request.getContextPath() + "/login?error");
	}

	static ZoneId parseZone(String id) {
		if (id == null || id.isBlank()) {
			return null;
		}
		try {
			return ZoneId.of(id);
		}
		catch (DateTimeException unknownZone) {
			return null;
		}
	}
}
