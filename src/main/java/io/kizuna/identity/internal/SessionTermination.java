package io.kizuna.identity.internal;

import io.kizuna.identity.UserId;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

import io.kizuna.identity.SignedInUser;

/**
 * Signs a person out everywhere when their roles change or they are deactivated, so that an open
 * browser does not keep rights the person no longer has.
 */
@Component
class SessionTermination {

	private final SessionRegistry registry;

	SessionTermination(SessionRegistry registry) {
		this.registry = registry;
	}

	void endAllOf(UserId user) {
		for (Object principal : registry.getAllPrincipals()) {
			if (principal instanceof SignedInUser signedIn && signedIn.id().equals(user)) {
				registry.getAllSessions(principal, false).forEach(SessionInformation::expireNow);
			}
		}
	}
}
