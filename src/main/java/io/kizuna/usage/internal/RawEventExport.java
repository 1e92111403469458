package io.kizuna.usage.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import io.kizuna.shared.InvalidRequest;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The raw events of a span of days as newline-delimited JSON, one stored event a line exactly as Kizuna
 * keeps it (corrected {@code timestamp}, {@code receivedAt}, {@code sourceId}): for a data warehouse, a
 * replay into another tool, or an audit of what a product sent. Streamed from the event log, so a year of
 * events never sits in memory.
 */
@Component
class RawEventExport {

	/** Which events: days (inclusive) of event time in a time zone, and optionally one source and one type. */
	record Request(LocalDate from, LocalDate to, ZoneId zone, UUID source, String type) {

		Request {
			if (from == null || to == null) {
				throw new InvalidRequest("usage.export.daysMissing");
			}
			if (to.isBefore(from)) {
				throw new InvalidRequest("usage.export.daysReversed", from, to);
			}
			if (type != null && (type.isBlank() || !TrackingMessages.TYPES.containsValue(type) || type.equals("batch"))) {
				throw new InvalidRequest("usage.export.typeUnknown", type);
			}
		}

		Instant start() {
			return from.atStartOfDay(zone).toInstant();
		}

		Instant end() {
			return to.plusDays(1).atStartOfDay(zone).toInstant();
		}

		String filename() {
			return "events-" + from + "-" + to + ".ndjson";
		}
	}

	static final String NDJSON = "application/x-ndjson";

	private final EventLog log;

	private final ObjectMapper json;

	RawEventExport(EventLog log, ObjectMapper json) {
		this.log = log;
		this.json = json;
	}

	/**
	 * Writes the matching events to {@code out}, oldest file first, and answers how many. Files last written
	 * before the first day are skipped: their events were received, and so happened, before it.
	 */
	long write(Request request, OutputStream out) {
		Instant start = request.start();
		Instant end = request.end();
		String source = request.source() == null ? null : request.source().toString();
		long[] written = { 0 };
		log.replaySince(start, event -> {
			JsonNode node = json.readTree(event);
			if (matches(node, start, end, source, request.type())) {
				try {
					out.write(event);
					out.write('\n');
				}
				catch (IOException gone) {
					throw new UncheckedIOException(gone);
				}
				written[0]++;
			}
		});
		return written[0];
	}

	/**
	 * Answers a download: NDJSON, named after its days, written on this thread as it is read (not handed to an
	 * async body whose timeout a year of events outlasts).
	 */
	void respond(Request request, jakarta.servlet.http.HttpServletResponse response) throws IOException {
		response.setContentType(NDJSON);
		response.setHeader(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
				org.springframework.http.ContentDisposition.attachment().filename(request.filename()).build().toString());
		write(request, response.getOutputStream());
	}

	private static boolean matches(JsonNode event, Instant start, Instant end, String source, String type) {
		if (source != null && !source.equals(event.path("sourceId").asString(""))) {
			return false;
		}
		if (type != null && !type.equals(event.path("type").asString(""))) {
			return false;
		}
		try {
			Instant at = Instant.parse(event.path("timestamp").asString(""));
			return !at.isBefore(start) && at.isBefore(end);
		}
		catch (DateTimeParseException unreadable) {
			return false; // every stored event has a timestamp written by Kizuna; an odd one is not exported
		}
	}
}
