package io.kizuna.health.internal;

/**
 * What a measure read for one account: the value its scoring rule turns into points, and the message
 * (key and arguments) that says it in words, e.g. "Active users 12 of 50 seats".
 */
record Reading(double value, String messageKey, Object... arguments) {
}
