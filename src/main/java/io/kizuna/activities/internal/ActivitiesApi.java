package io.kizuna.activities.internal;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.kizuna.accounts.AccountId;
import io.kizuna.activities.ActivityKind;
import io.kizuna.identity.SignedInUser;
import io.kizuna.shared.PageQuery;
import io.kizuna.shared.PageResult;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/activities")
@Tag(name = "Activities", description = "Notes, calls, meetings, check-ins, QBRs and e-mails logged on accounts")
class ActivitiesApi {

	private final ActivityLog log;

	private final Activities activities;

	private final ActivityViews views;

	ActivitiesApi(ActivityLog log, Activities activities, ActivityViews views) {
		this.log = log;
		this.activities = activities;
		this.views = views;
	}

	/** An activity as the API writes it; {@code version} must be sent back with an update. */
	record ActivityRequest(@NotNull UUID accountId, @NotNull ActivityKind kind, @NotNull Instant occurredAt,
			@NotBlank @Size(max = 200) String subject, @Size(max = 1000) String participants,
			@Size(max = 4000) String outcome, @Size(max = 2000) String nextSteps, Integer version) {

		ActivityDetails toDetails() {
			return new ActivityDetails(kind, occurredAt, subject, participants, outcome, nextSteps);
		}
	}

	@GetMapping
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "List activities, newest first, optionally of one account, of one kind, or in a time range")
	PageResult<ActivityView> list(@RequestParam(required = false) AccountId account,
			@RequestParam(required = false) ActivityKind kind, @RequestParam(required = false) Instant from,
			@RequestParam(required = false) Instant to, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int pageSize, @AuthenticationPrincipal SignedInUser me) {
		var result = activities.search(new Activities.Query(account, kind, from, to, new PageQuery(page, pageSize, null, false)));
		return new PageResult<>(views.of(result.items(), me), result.total(), result.page(), result.size());
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "One activity")
	ActivityView get(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser me) {
		return views.of(log.get(id), me);
	}

	@PostMapping
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "Log an activity on an account (anyone who can see the account)")
	ResponseEntity<ActivityView> create(@Valid @RequestBody ActivityRequest request,
			@AuthenticationPrincipal SignedInUser me) {
		Activity logged = log.log(new AccountId(request.accountId()), request.toDetails(), me);
		return ResponseEntity.created(URI.create("/api/v1/activities/" + logged.id())).body(views.of(logged, me));
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "Change an activity (its author or an admin); send the version you read")
	ActivityView update(@PathVariable UUID id, @Valid @RequestBody ActivityRequest request,
			@AuthenticationPrincipal SignedInUser me) {
		int version = request.version() == null ? log.get(id).version() : request.version();
		return views.of(log.change(id, request.toDetails(), version, me), me);
	}

	@DeleteMapping("/{id}")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "Delete an activity (its author or an admin)")
	ResponseEntity<Void> delete(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser me) {
		log.delete(id, me);
		return ResponseEntity.noContent().build();
	}
}
