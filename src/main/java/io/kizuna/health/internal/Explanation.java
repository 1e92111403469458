package io.kizuna.health.internal;

import java.util.List;

/**
 * Why a score is what it is, stored with it: each measure's weight, points and share of the score, and the
 * message (key and arguments) that says what was read, rendered in the reader's language when shown.
 */
final class Explanation {

	private Explanation() {
	}

	/** One measure's line; {@code messageKey} is null when the measure had no data. */
	record Part(Metric metric, int weight, int points, double share, String messageKey, List<Object> arguments) {

		public boolean hasData() {
			return messageKey != null;
		}

		/** The reading's arguments, for the message that says it. */
		public Object[] args() {
			return arguments.toArray();
		}

		/** Points times share, the measure's part of the score. */
		public double contributes() {
			return Math.round(points * share) / 100.0;
		}
	}
}
