package io.kizuna.shared;

import org.springframework.http.HttpStatus;

/** Input that breaks a rule Bean Validation cannot express on one field (counts that go up, say): 400. */
public class InvalidRequest extends KizunaException {

	public InvalidRequest(String messageKey, Object... arguments) {
		super(HttpStatus.BAD_REQUEST, messageKey, arguments);
	}
}
