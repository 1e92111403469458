package io.kizuna.shared;

import java.time.Duration;

import org.springframework.http.HttpStatus;

/** The caller tried too often in too short a time and must wait: 429 with Retry-After. */
public class TooManyRequestsException extends KizunaException {

	private final Duration retryAfter;

	public TooManyRequestsException(Duration retryAfter) {
		super(HttpStatus.TOO_MANY_REQUESTS, "error.tooManyRequests", Math.max(1, (retryAfter.toSeconds() + 59) / 60));
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return retryAfter;
	}
}
