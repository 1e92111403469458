package io.kizuna.usage.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.kizuna.shared.InvalidRequest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the body of a Segment tracking call into the events Kizuna stores, following the Segment
 * tracking spec: one event per call, or a batch whose top-level {@code context} and {@code integrations}
 * are merged into each item (the item's own keys win); each event at most 32 KB; a {@code messageId}
 * for every event; and the clock of the sending device corrected: when the client says when it sent
 * the request ({@code sentAt}), {@code timestamp = receivedAt − (sentAt − originalTimestamp)}.
 */
final class TrackingMessages {

	static final int EVENT_LIMIT = 32 * 1024;

	static final int BATCH_LIMIT = 500 * 1024;

	/** The path's word for each call, with the short forms analytics.js posts to. */
	static final Map<String, String> TYPES = Map.ofEntries(Map.entry("identify", "identify"), Map.entry("i", "identify"),
			Map.entry("track", "track"), Map.entry("t", "track"), Map.entry("page", "page"), Map.entry("p", "page"),
			Map.entry("screen", "screen"), Map.entry("s", "screen"), Map.entry("group", "group"), Map.entry("g", "group"),
			Map.entry("alias", "alias"), Map.entry("a", "alias"), Map.entry("batch", "batch"), Map.entry("b", "batch"),
			Map.entry("import", "batch"));

	private TrackingMessages() {
	}

	/** One stored event: its source's message id (for deduplication) and the JSON to store. */
	record Normalized(String messageId, boolean clientMessageId, byte[] json) {
	}

	static List<Normalized> normalize(ObjectMapper json, JsonNode body, String type, String sourceId,
			Instant receivedAt) {
		List<ObjectNode> events = new ArrayList<>();
		if (type.equals("batch")) {
			JsonNode batch = body.get("batch");
			if (batch == null || !batch.isArray()) {
				throw new InvalidRequest("usage.ingest.batchMissing");
			}
			for (JsonNode item : batch) {
				if (!item.isObject()) {
					throw new InvalidRequest("usage.ingest.notAnObject", events.size());
				}
				// The tree is this request's own: items are changed in place, not copied (the hot path).
				ObjectNode event = (ObjectNode) item;
				merge(event, body, "context");
				merge(event, body, "integrations");
				if (!event.hasNonNull("sentAt") && body.hasNonNull("sentAt")) {
					event.set("sentAt", body.get("sentAt"));
				}
				events.add(event);
			}
		}
		else {
			ObjectNode event = (ObjectNode) body;
			event.put("type", type);
			events.add(event);
		}
		List<Normalized> normalized = new ArrayList<>(events.size());
		String received = receivedAt.toString();
		for (int i = 0; i < events.size(); i++) {
			normalized.add(normalize(json, events.get(i), i, sourceId, receivedAt, received));
		}
		return normalized;
	}

	private static Normalized normalize(ObjectMapper json, ObjectNode event, int index, String sourceId,
			Instant receivedAt, String received) {
		event.remove("writeKey");
		String type = text(event, "type");
		if (type == null || !TYPES.containsKey(type) || type.equals("batch") || type.length() == 1) {
			throw new InvalidRequest("usage.ingest.typeUnknown", index, String.valueOf(type));
		}
		require(event, index, "track".equals(type) ? "event" : null);
		require(event, index, "group".equals(type) ? "groupId" : null);
		require(event, index, "alias".equals(type) ? "previousId" : null);
		if (text(event, "userId") == null && text(event, "anonymousId") == null) {
			throw new InvalidRequest("usage.ingest.noUser", index);
		}
		String messageId = text(event, "messageId");
		boolean fromClient = messageId != null;
		if (!fromClient) {
			messageId = UUID.randomUUID().toString();
			event.put("messageId", messageId);
		}
		Instant original = instant(event, "timestamp", index);
		Instant sentAt = instant(event, "sentAt", index);
		Instant timestamp = original == null ? receivedAt
				: sentAt == null ? original : receivedAt.minusMillis(sentAt.toEpochMilli() - original.toEpochMilli());
		if (original != null) {
			event.put("originalTimestamp", original.toString());
		}
		event.put("timestamp", timestamp.toString());
		event.put("receivedAt", received);
		event.put("sourceId", sourceId);
		byte[] bytes = json.writeValueAsBytes(event);
		if (bytes.length > EVENT_LIMIT) {
			throw new TrackingLimit("usage.ingest.eventTooLarge", index, EVENT_LIMIT / 1024);
		}
		return new Normalized(messageId, fromClient, bytes);
	}

	private static void merge(ObjectNode event, JsonNode batch, String field) {
		JsonNode shared = batch.get(field);
		if (shared == null || !shared.isObject()) {
			return;
		}
		JsonNode own = event.get(field);
		if (own == null || !own.isObject()) {
			event.set(field, shared); // shared by reference: nothing writes to it afterwards, it is only serialised
			return;
		}
		ObjectNode merged = event.objectNode();
		shared.properties().forEach(entry -> merged.set(entry.getKey(), entry.getValue()));
		own.properties().forEach(entry -> merged.set(entry.getKey(), entry.getValue()));
		event.set(field, merged);
	}

	private static void require(ObjectNode event, int index, String field) {
		if (field != null && text(event, field) == null) {
			throw new InvalidRequest("usage.ingest.fieldMissing", index, field);
		}
	}

	private static String text(JsonNode event, String field) {
		JsonNode value = event.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		String text = value.isString() ? value.asString() : value.toString();
		return text.isBlank() ? null : text;
	}

	private static Instant instant(JsonNode event, String field, int index) {
		String text = text(event, field);
		if (text == null) {
			return null;
		}
		try {
			// Most clients send UTC with a Z, read by position; other offsets go through the formatter.
			return StoredTime.parse(text, t -> java.time.OffsetDateTime.parse(t).toInstant());
		}
		catch (DateTimeParseException unreadable) {
			throw new InvalidRequest("usage.ingest.timeInvalid", index, field, text);
		}
	}
}
