package io.kizuna.usage.internal;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where accepted events go first, before anything reads them. The one way into it is {@link #append},
 * which returns only once the events would survive the process being killed: the tracking API answers
 * 200 after it and not before. The embedded default is {@link LocalEventLog} (files on local disk);
 * a Kafka topic can take its place when one machine is not enough.
 */
interface EventLog {

	/** Stores these events (each one JSON document) durably, in order. */
	void append(List<byte[]> events);

	/** Every stored event, oldest first (for rebuilding what is derived from them). */
	void replay(Consumer<byte[]> events);

	/**
	 * The stored events that may have arrived after {@code since}, oldest first; it may give some older
	 * ones too (whole files are read), never fewer.
	 */
	void replaySince(java.time.Instant since, Consumer<byte[]> events);

	/** A place in the log: before the first event, or just after one. */
	record Position(String file, long offset) {

		static final Position START = new Position("", 0);
	}

	/**
	 * Gives up to {@code max} events stored after {@code from}, oldest first, and answers where the next
	 * read starts. A reader that keeps this position with what it derived reads every event once.
	 */
	Position read(Position from, int max, Consumer<byte[]> events);

	/**
	 * Deletes stored events older than {@code before} that a reader has already passed ({@code readUpTo}):
	 * raw events are kept for a retention period, for replay and export, not for ever. Answers how many
	 * files went.
	 */
	int prune(java.time.Instant before, Position readUpTo);
}
