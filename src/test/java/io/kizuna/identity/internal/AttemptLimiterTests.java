package io.kizuna.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class AttemptLimiterTests {

	private final MutableClock clock = new MutableClock();

	private final AttemptLimiter limiter = new AttemptLimiter(3, Duration.ofMinutes(15), clock);

	@Test
	void locksAKeyAfterTooManyFailuresWithinTheWindow() {
		limiter.recordFailure("alice");
		limiter.recordFailure("alice");
		assertThat(limiter.lockedFor("alice")).isEmpty();

		limiter.recordFailure("alice");

		assertThat(limiter.lockedFor("alice")).contains(Duration.ofMinutes(15));
		assertThat(limiter.lockedFor("bob")).isEmpty();
	}

	@Test
	void unlocksWhenTheWindowHasPassed() {
		for (int i = 0; i < 3; i++) {
			limiter.recordFailure("alice");
		}
		clock.advance(Duration.ofMinutes(10));
		assertThat(limiter.lockedFor("alice")).contains(Duration.ofMinutes(5));

		clock.advance(Duration.ofMinutes(5));

		assertThat(limiter.lockedFor("alice")).isEmpty();
	}

	@Test
	void failuresSpreadBeyondTheWindowDoNotAddUp() {
		limiter.recordFailure("alice");
		limiter.recordFailure("alice");
		clock.advance(Duration.ofMinutes(16));

		limiter.recordFailure("alice");

		assertThat(limiter.lockedFor("alice")).isEmpty();
	}

	@Test
	void aSuccessfulAttemptResetsTheCount() {
		limiter.recordFailure("alice");
		limiter.recordFailure("alice");
		limiter.reset("alice");
		limiter.recordFailure("alice");

		assertThat(limiter.lockedFor("alice")).isEmpty();
	}

	static class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-11-23T09:00:00Z");

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	}
}
