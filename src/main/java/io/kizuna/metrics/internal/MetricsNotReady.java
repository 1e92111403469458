package io.kizuna.metrics.internal;

import io.kizuna.shared.KizunaException;

import org.springframework.http.HttpStatus;

/** Asked for numbers before the subscription history has been read after a start: 503, try again shortly. */
class MetricsNotReady extends KizunaException {

	MetricsNotReady() {
		super(HttpStatus.SERVICE_UNAVAILABLE, "metrics.preparing");
	}
}
