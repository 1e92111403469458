package io.kizuna.shared;

import org.springframework.http.HttpStatus;

/** The thing asked for does not exist (or the caller may not know that it does): 404. */
public class NotFoundException extends KizunaException {

	public NotFoundException(String messageKey, Object... arguments) {
		super(HttpStatus.NOT_FOUND, messageKey, arguments);
	}
}
