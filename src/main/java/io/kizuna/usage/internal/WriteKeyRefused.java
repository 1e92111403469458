package io.kizuna.usage.internal;

import io.kizuna.shared.KizunaException;

import org.springframework.http.HttpStatus;

/** No write key, or one that belongs to no active source: 401. */
class WriteKeyRefused extends KizunaException {

	WriteKeyRefused() {
		super(HttpStatus.UNAUTHORIZED, "usage.ingest.writeKey");
	}
}
