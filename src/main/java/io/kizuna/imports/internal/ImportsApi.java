package io.kizuna.imports.internal;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.kizuna.identity.SignedInUser;
import io.kizuna.imports.RowProblem;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The same import journey for scripts: upload, check with a mapping, run, and follow its progress. */
@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Imports", description = "CSV imports of accounts (and more): upload, check, run")
class ImportsApi {

	private final ImportDesk desk;

	private final MessageSource messages;

	ImportsApi(ImportDesk desk, MessageSource messages) {
		this.desk = desk;
		this.messages = messages;
	}

	record Uploaded(UUID id, String kind, int rows, String charset, List<String> headers, List<String> suggestedMapping) {
	}

	record MappingRequest(List<String> mapping) {
	}

	record Problem(long line, String reason) {
	}

	record Checked(int valid, int rejected, List<Problem> problems) {
	}

	record Status(UUID id, String kind, String status, int rows, Integer valid, Integer rejected, Integer created,
			Integer updated, Integer unchanged, Integer done, Integer total) {
	}

	@PostMapping
	@PreAuthorize(ImportController.EDITORS)
	@Operation(summary = "Upload a CSV file (UTF-8, with or without BOM, or Shift_JIS); the answer proposes a mapping")
	ResponseEntity<Uploaded> upload(@RequestParam String kind, @RequestPart MultipartFile file,
			@AuthenticationPrincipal SignedInUser me) throws IOException {
		ImportJob job = desk.upload(kind, file.getOriginalFilename(), file.getBytes(), me.id());
		List<String> headers = desk.table(job.id()).headers();
		return ResponseEntity.created(URI.create("/api/v1/imports/" + job.id()))
			.body(new Uploaded(job.id(), kind, job.rowCount(), job.charset(), headers, desk.suggestMapping(job, headers)));
	}

	@PostMapping("/{id}/check")
	@PreAuthorize(ImportController.EDITORS)
	@Operation(summary = "Check every row with this mapping (one field name or \"\" per column); nothing is written")
	Checked check(@PathVariable UUID id, @RequestBody MappingRequest request) {
		List<RowProblem> problems = desk.check(id, request.mapping() == null ? List.of() : request.mapping());
		ImportJob job = desk.job(id);
		return new Checked(job.counts().valid(), job.counts().rejected(), problems.stream()
			.limit(1000)
			.map(p -> new Problem(p.line(), messages.getMessage(p.messageKey(), p.arguments(),
					LocaleContextHolder.getLocale())))
			.toList());
	}

	@PostMapping("/{id}/run")
	@PreAuthorize(ImportController.EDITORS)
	@Operation(summary = "Write the valid rows in the background, all or nothing; follow it with GET")
	ResponseEntity<Status> run(@PathVariable UUID id) {
		desk.start(id);
		return ResponseEntity.accepted().body(status(id));
	}

	@GetMapping("/{id}")
	@PreAuthorize(ImportController.EDITORS)
	@Operation(summary = "An import's status, counts and progress")
	Status status(@PathVariable UUID id) {
		ImportJob job = desk.job(id);
		ImportDesk.Progress progress = desk.progress(id);
		return new Status(job.id(), job.kind(), job.status().name(), job.rowCount(), job.counts().valid(),
				job.counts().rejected(), job.counts().created(), job.counts().updated(), job.counts().unchanged(),
				progress == null ? null : progress.done(), progress == null ? null : progress.total());
	}
}
