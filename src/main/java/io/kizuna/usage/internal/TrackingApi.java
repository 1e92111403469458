package io.kizuna.usage.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import jakarta.servlet.http.HttpServletRequest;

import io.kizuna.shared.InvalidRequest;
import io.kizuna.shared.NotFoundException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The Segment tracking API, so that existing instrumentation (analytics.js, analytics-node,
 * RudderStack, Segment itself) can send to Kizuna by changing only its host. The write key comes as
 * the HTTP Basic user or as {@code writeKey} in the body; bodies are JSON whatever the content type says
 * (analytics.js sends text/plain to avoid a CORS preflight) and may be gzipped. The answer is 200 only
 * once the events are in the {@link EventLog}.
 */
@RestController
@Tag(name = "Tracking (Segment-compatible)", description = "identify, track, page, screen, group, alias and batch")
class TrackingApi {

	private static final Map<String, Object> SUCCESS = Map.of("success", true);

	private final SourceAdmin sources;

	private final EventLog log;

	private final SeenMessages seen;

	private final ObjectMapper json;

	private final Clock clock;

	TrackingApi(SourceAdmin sources, EventLog log, SeenMessages seen, ObjectMapper json, Clock clock) {
		this.sources = sources;
		this.log = log;
		this.seen = seen;
		this.json = json;
		this.clock = clock;
	}

	@PostMapping("/v1/{call}")
	// Browsers on the customers' sites post here: any origin may send events with a write key (no cookies).
	@CrossOrigin(origins = "*", allowedHeaders = "*", maxAge = 86400)
	@PreAuthorize("permitAll()") // the write key is checked here, against the body as much as the header
	@Operation(summary = "Receive Segment calls: /v1/identify, track, page, screen, group, alias, batch, import "
			+ "and the short forms /v1/i, t, p, s, g, a, b",
			description = "Limits: 32 KB per event, 500 KB per batch (413 says which). A messageId seen in the last "
					+ "48 hours from the same source is accepted and ignored.")
	ResponseEntity<Map<String, Object>> receive(@PathVariable String call, HttpServletRequest request)
			throws IOException {
		String type = TrackingMessages.TYPES.get(call);
		if (type == null) {
			throw new NotFoundException("usage.ingest.unknownCall", call);
		}
		JsonNode body = body(request, type.equals("batch"));
		Source source = sources.authenticate(writeKey(request, body)).orElseThrow(WriteKeyRefused::new);
		Instant receivedAt = clock.instant();
		String sourceId = source.id().toString();
		List<TrackingMessages.Normalized> events = TrackingMessages.normalize(json, body, type, sourceId, receivedAt);
		List<TrackingMessages.Normalized> fresh = new ArrayList<>(events.size());
		for (TrackingMessages.Normalized event : events) {
			if (!event.clientMessageId() || seen.first(sourceId, event.messageId(), receivedAt.toEpochMilli())) {
				fresh.add(event);
			}
		}
		if (!fresh.isEmpty()) {
			try {
				log.append(fresh.stream().map(TrackingMessages.Normalized::json).toList());
			}
			catch (RuntimeException notStored) {
				fresh.forEach(event -> seen.forget(sourceId, event.messageId()));
				throw notStored;
			}
		}
		return ResponseEntity.ok(SUCCESS);
	}

	private JsonNode body(HttpServletRequest request, boolean batch) throws IOException {
		int limit = batch ? TrackingMessages.BATCH_LIMIT : TrackingMessages.EVENT_LIMIT;
		byte[] bytes;
		InputStream in = request.getInputStream();
		try {
			if ("gzip".equalsIgnoreCase(request.getHeader(HttpHeaders.CONTENT_ENCODING))) {
				in = new GZIPInputStream(in);
			}
			// Never more than the limit in memory, whatever Content-Length says (or a gzip bomb unpacks to).
			bytes = in.readNBytes(limit + 1);
		}
		catch (ZipException notGzip) {
			throw new InvalidRequest("usage.ingest.gzipInvalid");
		}
		if (bytes.length > limit) {
			throw new TrackingLimit(batch ? "usage.ingest.batchTooLarge" : "usage.ingest.requestTooLarge",
					limit / 1024);
		}
		JsonNode body;
		try {
			body = json.readTree(bytes);
		}
		catch (JacksonException notJson) {
			throw new InvalidRequest("usage.ingest.notJson");
		}
		if (body == null || !body.isObject()) {
			throw new InvalidRequest("usage.ingest.notJson");
		}
		return body;
	}

	private static String writeKey(HttpServletRequest request, JsonNode body) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			try {
				String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
						StandardCharsets.UTF_8);
				int colon = decoded.indexOf(':');
				return colon < 0 ? decoded : decoded.substring(0, colon);
			}
			catch (IllegalArgumentException notBase64) {
				return null;
			}
		}
		JsonNode key = body.get("writeKey");
		return key != null && key.isString() ? key.asString() : null;
	}
}
