package io.kizuna.identity;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is acting right now, for records that note the author of a change (audit history, subscription
 * changes) deep below the controller. Empty for work the system does on its own (demo data, imports
 * run at startup).
 */
public final class CurrentUser {

	private CurrentUser() {
	}

	public static Optional<UserId> id() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
			return Optional.of(user.id());
		}
		return Optional.empty();
	}
}
