package io.kizuna.identity.internal;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;

import io.kizuna.identity.UserId;
import io.kizuna.shared.BusinessRuleViolation;
import io.kizuna.shared.NotFoundException;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What people do to their own record: name, e-mail, password, language, time zone, first password. */
@Service
@Transactional
class Profiles {

	private final Users users;

	private final Invitations invitations;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	Profiles(Users users, Invitations invitations, PasswordEncoder passwordEncoder, Clock clock) {
		this.users = users;
		this.invitations = invitations;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	User get(UserId id) {
		return users.findById(id).orElseThrow(() -> new NotFoundException("user.notFound", id));
	}

	void changeProfile(UserId id, String displayName, String email, ZoneId timeZone) {
		User user = get(id);
		user.changeProfile(displayName.trim(), email == null || email.isBlank() ? null : email.trim());
		user.changeTimeZone(timeZone);
		users.update(user);
	}

	/** Refuses when the current password is wrong, so that an unattended session cannot lock its owner out. */
	void changePassword(UserId id, String currentPassword, String newPassword) {
		User user = get(id);
		if (user.passwordHash() == null || !passwordEncoder.matches(currentPassword, user.passwordHash())) {
			throw new BusinessRuleViolation("password.current.wrong");
		}
		user.changePassword(passwordEncoder.encode(newPassword));
		users.update(user);
	}

	/** Sets the first password of an invited person; false when the link is unknown, used or expired. */
	boolean acceptInvitation(String token, String password) {
		var invited = invitations.open(token).flatMap(users::findById);
		if (invited.isEmpty() || !invited.get().active()) {
			return false;
		}
		User user = invited.get();
		user.changePassword(passwordEncoder.encode(password));
		users.update(user);
		invitations.markAccepted(token);
		return true;
	}

	void recordLogin(UserId id, ZoneId browserTimeZone) {
		User user = get(id);
		user.recordLogin(clock);
		if (user.timeZone() == null && browserTimeZone != null) {
			user.changeTimeZone(browserTimeZone);
		}
		users.update(user);
	}

	void changeLanguage(UserId id, Locale language) {
		User user = get(id);
		user.changeLanguage(language);
		users.update(user);
	}

}
