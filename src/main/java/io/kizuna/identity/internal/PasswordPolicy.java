package io.kizuna.identity.internal;

/**
 * Length is what makes a password strong; bcrypt reads at most 72 bytes, so the upper bound keeps
 * every accepted password meaningful in full.
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 64;

	private PasswordPolicy() {
	}

	static boolean acceptable(String password) {
		return password != null && password.length() >= MIN_LENGTH && password.length() <= MAX_LENGTH;
	}
}
