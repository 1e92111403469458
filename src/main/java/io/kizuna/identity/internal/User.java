package io.kizuna.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import io.kizuna.identity.Role;
import io.kizuna.identity.SignedInUser;
import io.kizuna.identity.UserId;

/**
 * A person who signs in to Kizuna. Users are deactivated, never deleted, so that what they did
 * stays attributable.
 */
class User {

	enum Status {
		ACTIVE, INVITED, DEACTIVATED
	}

	private final UserId id;

	private final String username;

	private String displayName;

	private String email;

	private String passwordHash;

	private boolean active;

	private final EnumSet<Role> roles;

	private String language;

	private String timeZone;

	private final Instant createdAt;

	private Instant lastLoginAt;

	private Instant deactivatedAt;

	User(UserId id, String username, String displayName, String email, Set<Role> roles, Instant createdAt) {
		this.id = id;
		this.username = username;
		this.displayName = displayName;
		this.email = email;
		this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
		this.active = true;
		this.createdAt = createdAt;
	}

	/** Rebuilds a user from its stored row. */
	static User restore(UserRow row, Set<Role> roles) {
		User user = new User(row.id(), row.username(), row.displayName(), row.email(), roles, row.createdAt());
		user.passwordHash = row.passwordHash();
		user.active = row.active();
		user.language = row.language();
		user.timeZone = row.timeZone();
		user.lastLoginAt = row.lastLoginAt();
		user.deactivatedAt = row.deactivatedAt();
		return user;
	}

	record UserRow(UserId id, String username, String displayName, String email, String passwordHash,
			boolean active, String language, String timeZone, Instant createdAt, Instant lastLoginAt,
			Instant deactivatedAt) {
	}

	UserRow toRow() {
		return new UserRow(id, username, displayName, email, passwordHash, active, language, timeZone, createdAt,
				lastLoginAt, deactivatedAt);
	}

	void changePassword(String newHash) {
		this.passwordHash = newHash;
	}

	void changeProfile(String displayName, String email) {
		this.displayName = displayName;
		this.email = email;
	}

	void changeRoles(Set<Role> newRoles) {
		roles.clear();
		roles.addAll(newRoles);
	}

	void deactivate(Clock clock) {
		active = false;
		deactivatedAt = clock.instant();
	}

	void reactivate() {
		active = true;
		deactivatedAt = null;
	}

	void recordLogin(Clock clock) {
		lastLoginAt = clock.instant();
	}

	void changeLanguage(Locale locale) {
		language = locale == null ? null : locale.toLanguageTag();
	}

	void changeTimeZone(ZoneId zone) {
		timeZone = zone == null ? null : zone.getId();
	}

	boolean isActiveAdmin() {
		return active && roles.contains(Role.ADMIN);
	}

	Status status() {
		if (!active) {
			return Status.DEACTIVATED;
		}
		return passwordHash == null ? Status.INVITED : Status.ACTIVE;
	}

	SignedInUser toSignedInUser() {
		return new SignedInUser(id, username, displayName, passwordHash, roles, active,
				language == null ? null : Locale.forLanguageTag(language),
				timeZone == null ? null : ZoneId.of(timeZone));
	}

	UserId id() {
		return id;
	}

	String username() {
		return username;
	}

	String displayName() {
		return displayName;
	}

	String email() {
		return email;
	}

	String passwordHash() {
		return passwordHash;
	}

	boolean active() {
		return active;
	}

	Set<Role> roles() {
		return EnumSet.copyOf(roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles);
	}

	String language() {
		return language;
	}

	String timeZone() {
		return timeZone;
	}

	Instant createdAt() {
		return createdAt;
	}

	Instant lastLoginAt() {
		return lastLoginAt;
	}

	Instant deactivatedAt() {
		return deactivatedAt;
	}
}
