package io.kizuna.shared;

import org.springframework.http.HttpStatus;

/** The request clashes with what already exists, such as a username that is taken: 409. */
public class ConflictException extends KizunaException {

	public ConflictException(String messageKey, Object... arguments) {
		super(HttpStatus.CONFLICT, messageKey, arguments);
	}
}
