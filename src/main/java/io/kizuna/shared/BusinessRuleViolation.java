package io.kizuna.shared;

import org.springframework.http.HttpStatus;

/** Well-formed input that a business rule refuses, such as deactivating the last admin: 422. */
public class BusinessRuleViolation extends KizunaException {

	public BusinessRuleViolation(String messageKey, Object... arguments) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, messageKey, arguments);
	}
}
