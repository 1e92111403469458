package io.kizuna.identity.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns away a sign-in attempt before the password is even checked while its username or address
 * is throttled: on the sign-in form with a message, on the API with 429 and Retry-After.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

	private final LoginThrottle throttle;

	private final ProblemResponses problems;

	private final boolean api;

	LoginThrottleFilter(LoginThrottle throttle, ProblemResponses problems, boolean api) {
		this.throttle = throttle;
		this.problems = problems;
		this.api = api;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		if (api) {
			return request.getHeader("Authorization") == null;
		}
		return !("POST".equals(request.getMethod())
				&& (request.getContextPath() + "/login").equals(request.getRequestURI()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String username = api ? null : request.getParameter("username");
		Optional<Duration> locked = throttle.lockedFor(username, request.getRemoteAddr());
		if (locked.isEmpty()) {
			chain.doFilter(request, response);
		}
		else if (api) {
			problems.writeTooManyRequests(request, response, locked.get());
		}
		else {
			response.sendRedirect(request.getContextPath() + "/login?throttled="
					+ LoginThrottle.minutesRoundedUp(locked.get()));
		}
	}
}
