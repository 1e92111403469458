package io.kizuna.usage.internal;

import io.kizuna.shared.KizunaException;

import org.springframework.http.HttpStatus;

/** A tracking request over one of the Segment limits: 413 naming the limit. */
class TrackingLimit extends KizunaException {

	TrackingLimit(String messageKey, Object... arguments) {
		super(HttpStatus.CONTENT_TOO_LARGE, messageKey, arguments);
	}
}
