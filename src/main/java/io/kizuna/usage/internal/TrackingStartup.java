package io.kizuna.usage.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** At start, the message ids of the events stored lately are read back, so a retry after a restart is still known. */
@Component
class TrackingStartup implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(TrackingStartup.class);

	private final EventLog events;

	private final SeenMessages seen;

	private final ObjectMapper json;

	private final java.time.Clock clock;

	private final java.time.Duration window;

	TrackingStartup(EventLog events, SeenMessages seen, ObjectMapper json, java.time.Clock clock,
			@org.springframework.beans.factory.annotation.Value("${kizuna.usage.dedupe-window:48h}") java.time.Duration window) {
		this.events = events;
		this.seen = seen;
		this.json = json;
		this.clock = clock;
		this.window = window;
	}

	@Override
	public void afterSingletonsInstantiated() {
		long started = System.nanoTime();
		int[] count = { 0 };
		// Only the files written within the deduplication window: older ones cannot hold an id worth remembering.
		events.replaySince(clock.instant().minus(window), bytes -> {
			JsonNode event = json.readTree(bytes);
			count[0]++;
			seen.remember(event.path("sourceId").asString(), event.path("messageId").asString(),
					java.time.Instant.parse(event.path("receivedAt").asString()).toEpochMilli());
		});
		if (count[0] > 0) {
			log.info("usage: {} stored events read back, {} recent message ids remembered, in {} ms", count[0],
					seen.size(), (System.nanoTime() - started) / 1_000_000);
		}
	}
}
