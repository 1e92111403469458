package io.kizuna.usage.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The raw events Kizuna keeps (for {@code kizuna.usage.retention-days}), exported for use elsewhere. */
@RestController
@RequestMapping("/api/v1/events")
@Tag(name = "Usage sources", description = "Where product usage events come from, and their write keys")
@PreAuthorize("hasRole('ADMIN')")
class RawEventsApi {

	private final RawEventExport export;

	private final SourceAdmin sources;

	RawEventsApi(RawEventExport export, SourceAdmin sources) {
		this.export = export;
		this.sources = sources;
	}

	@GetMapping
	@Operation(summary = "Raw events of a span of days as newline-delimited JSON, one stored event a line",
			description = "Days are inclusive and count in the caller's time zone, by the event's corrected timestamp."
					+ " Streamed: a long span starts arriving at once.")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200",
			content = @io.swagger.v3.oas.annotations.media.Content(mediaType = RawEventExport.NDJSON))
	void export(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@Parameter(description = "Only this source's events") @RequestParam(required = false) UUID source,
			@Parameter(description = "Only events of this type: identify, track, page, screen, group or alias")
			@RequestParam(required = false) String type, HttpServletResponse response) throws IOException {
		if (source != null) {
			sources.get(source); // an unknown source is a 404, not an empty file
		}
		RawEventExport.Request request = new RawEventExport.Request(from, to,
				LocaleContextHolder.getTimeZone().toZoneId(), source, type);
		export.respond(request, response);
	}
}
