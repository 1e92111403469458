package io.kizuna.usage.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Write keys: 32 random base-62 characters after "wk_", stored only as their SHA-256. A write key only
 * writes events (it is public in a web page's code), so a fast hash is right; a password hash would
 * slow every ingest request for nothing.
 */
final class WriteKeys {

	private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	private static final SecureRandom RANDOM = new SecureRandom();

	private WriteKeys() {
	}

	static String generate() {
		StringBuilder key = new StringBuilder("wk_");
		for (int i = 0; i < 32; i++) {
			key.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return key.toString();
	}

	static String hint(String key) {
		return key.substring(0, Math.min(key.length(), 8));
	}

	static String hash(String key) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}
}
