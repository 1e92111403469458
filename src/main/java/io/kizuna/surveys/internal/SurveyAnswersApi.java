package io.kizuna.surveys.internal;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.kizuna.accounts.AccountId;
import io.kizuna.shared.PageQuery;
import io.kizuna.shared.PageResult;
import io.kizuna.surveys.SurveyAnswerId;
import io.kizuna.surveys.SurveyKind;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Survey answers through the API: a survey tool posts each answer (or upserts by its own id), and
 * analysts list them. Recording answers is for the people who run customer relationships; deleting
 * one is an admin's correction.
 */
@RestController
@RequestMapping("/api/v1/survey-answers")
@Tag(name = "Survey answers", description = "NPS (0-10) and CSAT (1-5) answers per account and contact")
class SurveyAnswersApi {

	static final String WRITERS = "hasAnyRole('CSM', 'SUPPORT_AGENT', 'SALES', 'CS_MANAGER')";

	private final SurveyAnswerBook book;

	private final SurveyAnswerStore store;

	SurveyAnswersApi(SurveyAnswerBook book, SurveyAnswerStore store) {
		this.book = book;
		this.store = store;
	}

	record AnswerRequest(@NotNull UUID accountId, @Email @Size(max = 320) String contactEmail,
			@NotNull SurveyKind kind, @NotNull Integer score, @Size(max = 2000) String comment,
			@NotNull Instant answeredAt,
			@Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "{account.externalId.pattern}") String externalId) {
	}

	record AnswerView(UUID id, UUID accountId, String contactEmail, SurveyKind kind, int score, String comment,
			Instant answeredAt, String externalId) {

		static AnswerView of(SurveyAnswer a) {
			return new AnswerView(a.id().value(), a.account().value(), a.contactEmail(), a.kind(), a.score(),
					a.comment(), a.answeredAt(), a.externalId());
		}
	}

	@GetMapping
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "Answers, newest first, optionally of one account or one kind")
	PageResult<AnswerView> list(@RequestParam(required = false) UUID accountId,
			@RequestParam(required = false) SurveyKind kind, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int pageSize) {
		return store.page(accountId == null ? null : new AccountId(accountId), kind,
				new PageQuery(Math.max(0, page), Math.clamp(pageSize, 1, PageQuery.MAX_SIZE), "answeredAt", false))
			.map(AnswerView::of);
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasRole('VIEWER')")
	AnswerView get(@PathVariable UUID id) {
		return AnswerView.of(book.get(new SurveyAnswerId(id)));
	}

	@PostMapping
	@PreAuthorize(WRITERS)
	@Operation(summary = "Record an answer", description = "NPS scores run 0–10, CSAT 1–5. 409 if the externalId is taken.")
	ResponseEntity<AnswerView> record(@Valid @RequestBody AnswerRequest request) {
		SurveyAnswer answer = book.record(new AccountId(request.accountId()), email(request.contactEmail()),
				request.kind(), request.score(), request.comment(), request.answeredAt(), request.externalId());
		return ResponseEntity.created(URI.create("/api/v1/survey-answers/" + answer.id())).body(AnswerView.of(answer));
	}

	@PutMapping("/external/{externalId}")
	@PreAuthorize(WRITERS)
	@Operation(summary = "Create or correct the answer with this external id (idempotent)")
	ResponseEntity<AnswerView> upsert(
			@PathVariable @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String externalId,
			@Valid @RequestBody AnswerRequest request) {
		SurveyAnswerBook.Recorded recorded = book.upsert(externalId, new AccountId(request.accountId()),
				email(request.contactEmail()), request.kind(), request.score(), request.comment(), request.answeredAt());
		AnswerView view = AnswerView.of(recorded.answer());
		return recorded.created() ? ResponseEntity.created(URI.create("/api/v1/survey-answers/" + view.id())).body(view)
				: ResponseEntity.ok(view);
	}

	@DeleteMapping("/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		book.delete(new SurveyAnswerId(id));
		return ResponseEntity.noContent().build();
	}

	private static String email(String email) {
		return email == null || email.isBlank() ? null : email.strip().toLowerCase(java.util.Locale.ROOT);
	}
}
