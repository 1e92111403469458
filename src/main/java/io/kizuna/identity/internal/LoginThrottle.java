package io.kizuna.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Slows down password and token guessing: a username that fails {@code maxFailedLogins} times, or a
 * client address that fails {@code maxFailuresPerAddress} times, waits out the lockout period.
 */
@Component
class LoginThrottle {

	private final AttemptLimiter byUsername;

	private final AttemptLimiter byAddress;

	LoginThrottle(IdentityProperties properties, Clock clock) {
		this.byUsername = new AttemptLimiter(properties.maxFailedLogins(), properties.lockout(), clock);
		this.byAddress = new AttemptLimiter(properties.maxFailuresPerAddress(), properties.lockout(), clock);
	}

	Optional<Duration> lockedFor(String username, String address) {
		Optional<Duration> user = username == null ? Optional.empty() : byUsername.lockedFor(Users.normalize(username));
		return user.isPresent() ? user : byAddress.lockedFor(address);
	}

	void failed(String username, String address) {
		if (username != null && !username.isBlank()) {
			byUsername.recordFailure(Users.normalize(username));
		}
		byAddress.recordFailure(address);
	}

	/** "Try again in N minutes" should never say 0, nor 14 when 14 minutes 59 seconds remain. */
	static long minutesRoundedUp(Duration wait) {
		return Math.max(1, (wait.toSeconds() + 59) / 60);
	}

	void succeeded(String username) {
		byUsername.reset(Users.normalize(username));
	}
}
