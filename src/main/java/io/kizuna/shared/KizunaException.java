package io.kizuna.shared;

import org.springframework.http.HttpStatus;

/**
 * A refusal that a person can understand: an HTTP status plus a message key (with arguments) that
 * the web layer resolves in the user's language, both for pages and for problem+json answers.
 */
public abstract class KizunaException extends RuntimeException {

	private final HttpStatus status;

	private final String messageKey;

	private final Object[] arguments;

	protected KizunaException(HttpStatus status, String messageKey, Object... arguments) {
		super(messageKey);
		this.status = status;
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public HttpStatus status() {
		return status;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments.clone();
	}
}
