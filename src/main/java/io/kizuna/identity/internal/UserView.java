package io.kizuna.identity.internal;

import java.time.Instant;
import java.util.Set;

import io.kizuna.identity.Role;

/** A user as the admin screens show it. */
public record UserView(String id, String username, String displayName, String email, Set<Role> roles, String status,
		String language, String timeZone, Instant createdAt, Instant lastLoginAt, Instant deactivatedAt) {

	static UserView of(User user) {
		return new UserView(user.id().toString(), user.username(), user.displayName(), user.email(), user.roles(),
				user.status().name(), user.language(), user.timeZone(), user.createdAt(), user.lastLoginAt(),
				user.deactivatedAt());
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	public boolean invited() {
		return "INVITED".equals(status);
	}

	public boolean active() {
		return !"DEACTIVATED".equals(status);
	}
}
