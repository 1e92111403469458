package io.kizuna.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Counts failures per key (a username, a client address) and locks a key that fails too often
 * within the window, until the window has passed since its first failure. Kept in memory: a restart
 * forgets, which is acceptable for slowing down password guessing.
 */
final class AttemptLimiter {

	/** Above this many tracked keys, expired entries are swept so the map cannot grow without bound. */
	private static final int SWEEP_THRESHOLD = 10_000;

	private record Failures(Instant first, int count) {
	}

	private final ConcurrentMap<String, Failures> failures = new ConcurrentHashMap<>();

	private final int maxFailures;

	private final Duration window;

	private final Clock clock;

	AttemptLimiter(int maxFailures, Duration window, Clock clock) {
		this.maxFailures = maxFailures;
		this.window = window;
		this.clock = clock;
	}

	/** How long the key must still wait, or empty when it may try. */
	Optional<Duration> lockedFor(String key) {
		Failures current = failures.get(key);
		Instant now = clock.instant();
		if (current == null || current.count() < maxFailures) {
			return Optional.empty();
		}
		Instant until = current.first().plus(window);
		if (!until.isAfter(now)) {
			failures.remove(key, current);
			return Optional.empty();
		}
		return Optional.of(Duration.between(now, until));
	}

	void recordFailure(String key) {
		Instant now = clock.instant();
		failures.merge(key, new Failures(now, 1), (old, one) -> old.first().plus(window).isAfter(now)
				? new Failures(old.first(), old.count() + 1) : one);
		if (failures.size() > SWEEP_THRESHOLD) {
			failures.values().removeIf(f -> !f.first().plus(window).isAfter(now));
		}
	}

	void reset(String key) {
		failures.remove(key);
	}
}
