package io.kizuna.usage.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Event sources and their write keys, for admins who connect a product to Kizuna. */
@RestController
@RequestMapping("/api/v1/sources")
@Tag(name = "Usage sources", description = "Where product usage events come from, and their write keys")
@PreAuthorize("hasRole('ADMIN')")
class SourcesApi {

	private final SourceAdmin admin;

	SourcesApi(SourceAdmin admin) {
		this.admin = admin;
	}

	record SourceRequest(@NotBlank @Size(max = 100) String name, @NotNull Source.Kind kind) {
	}

	/** {@code writeKey} is present only in the answers that create or rotate it. */
	record SourceView(UUID id, String name, Source.Kind kind, String writeKeyHint, boolean active, Instant createdAt,
			Instant rotatedAt, Instant revokedAt, String writeKey) {

		static SourceView of(Source s, String writeKey) {
			return new SourceView(s.id(), s.name(), s.kind(), s.keyHint(), s.active(), s.createdAt(), s.rotatedAt(),
					s.revokedAt(), writeKey);
		}
	}

	@GetMapping
	List<SourceView> list() {
		return admin.all().stream().map(s -> SourceView.of(s, null)).toList();
	}

	@PostMapping
	@Operation(summary = "Create a source; the answer carries its write key, shown this once")
	ResponseEntity<SourceView> create(@Valid @RequestBody SourceRequest request) {
		SourceAdmin.Keyed keyed = admin.create(request.name(), request.kind());
		return ResponseEntity.created(URI.create("/api/v1/sources/" + keyed.source().id()))
			.body(SourceView.of(keyed.source(), keyed.writeKey()));
	}

	@GetMapping("/{id}")
	SourceView get(@PathVariable UUID id) {
		return SourceView.of(admin.get(id), null);
	}

	@PostMapping("/{id}/rotate")
	@Operation(summary = "Give the source a new write key; the old one stops working at once")
	SourceView rotate(@PathVariable UUID id) {
		SourceAdmin.Keyed keyed = admin.rotate(id);
		return SourceView.of(keyed.source(), keyed.writeKey());
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Revoke the source's write key; events sent with it are refused from now on")
	ResponseEntity<Void> revoke(@PathVariable UUID id) {
		admin.revoke(id);
		return ResponseEntity.noContent().build();
	}
}
