package io.kizuna.usage.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The message ids seen lately, per source, so that a client's retry of a batch it already delivered
 * changes nothing. Segment promises at least 24 hours; Kizuna keeps {@code kizuna.usage.dedupe-window}
 * (48 h). Filled from the event log at start, so a restart does not forget.
 */
@Component
class SeenMessages {

	private final Map<String, Long> seen = new ConcurrentHashMap<>();

	private final Clock clock;

	private final Duration window;

	SeenMessages(Clock clock, @Value("${kizuna.usage.dedupe-window:48h}") Duration window) {
		this.clock = clock;
		this.window = window;
	}

	/** True the first time this source sends this message id within the window; the id is then taken. */
	boolean first(String sourceId, String messageId, long receivedAt) {
		return seen.putIfAbsent(sourceId + "/" + messageId, receivedAt) == null;
	}

	/** Gives an id back when its event could not be stored after all. */
	void forget(String sourceId, String messageId) {
		seen.remove(sourceId + "/" + messageId);
	}

	void remember(String sourceId, String messageId, long receivedAt) {
		if (receivedAt > clock.millis() - window.toMillis()) {
			seen.merge(sourceId + "/" + messageId, receivedAt, Math::max);
		}
	}

	@Scheduled(fixedDelay = 600_000)
	void forgetOld() {
		long before = clock.millis() - window.toMillis();
		seen.values().removeIf(at -> at < before);
	}

	int size() {
		return seen.size();
	}
}
