package io.kizuna.identity.internal;

import java.time.Clock;
import java.util.Set;

import io.kizuna.identity.Role;
import io.kizuna.identity.UserId;
import io.kizuna.shared.BusinessRuleViolation;
import io.kizuna.shared.ConflictException;
import io.kizuna.shared.NotFoundException;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an admin does to people: add or invite them, change their roles, deactivate and reactivate
 * them. Two rules guard the installation: nobody deactivates themselves, and the last active admin
 * can neither lose the role nor be deactivated, so that somebody can always administer Kizuna.
 */
@Service
@Transactional
class UserManagement {

	private final Users users;

	private final PasswordEncoder passwordEncoder;

	private final Invitations invitations;

	private final SessionTermination sessions;

	private final Clock clock;

	UserManagement(Users users, PasswordEncoder passwordEncoder, Invitations invitations,
			SessionTermination sessions, Clock clock) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.invitations = invitations;
		this.sessions = sessions;
		this.clock = clock;
	}

	/** Adds a person; when no password is given, the answer carries an invitation link token. */
	CreatedUser create(NewUser request) {
		if (users.existsByUsername(request.username())) {
			throw new ConflictException("user.username.taken", request.username());
		}
		User user = new User(UserId.random(), Users.normalize(request.username()), request.displayName().trim(),
				blankToNull(request.email()), request.roles(), clock.instant());
		if (request.password() != null && !request.password().isEmpty()) {
			user.changePassword(passwordEncoder.encode(request.password()));
		}
		users.insert(user);
		String invitation = user.passwordHash() == null ? invitations.issue(user.id()) : null;
		return new CreatedUser(user, invitation);
	}

	record CreatedUser(User user, String invitationToken) {
	}

	@Transactional(readOnly = true)
	User get(UserId id) {
		return users.findById(id).orElseThrow(() -> new NotFoundException("user.notFound", id));
	}

	User changeRoles(UserId id, Set<Role> roles) {
		if (roles == null || roles.isEmpty()) {
			throw new BusinessRuleViolation("user.roles.required");
		}
		User user = get(id);
		if (user.isActiveAdmin() && !roles.contains(Role.ADMIN) && users.countActiveAdmins() <= 1) {
			throw new BusinessRuleViolation("user.lastAdmin");
		}
		user.changeRoles(roles);
		users.updateRoles(user);
		sessions.endAllOf(user.id());
		return user;
	}

	User deactivate(UserId id, UserId actor) {
		if (id.equals(actor)) {
			throw new BusinessRuleViolation("user.cannotDeactivateSelf");
		}
		User user = get(id);
		if (user.isActiveAdmin() && users.countActiveAdmins() <= 1) {
			throw new BusinessRuleViolation("user.lastAdmin");
		}
		if (user.active()) {
			user.deactivate(clock);
			users.update(user);
		}
		sessions.endAllOf(user.id());
		return user;
	}

	User reactivate(UserId id) {
		User user = get(id);
		user.reactivate();
		users.update(user);
		return user;
	}

	/** A fresh invitation link for someone who has not set a password yet (the old one stops working). */
	String reinvite(UserId id) {
		User user = get(id);
		if (user.status() != User.Status.INVITED) {
			throw new BusinessRuleViolation("user.invitation.notInvited");
		}
		return invitations.issue(user.id());
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}
}
