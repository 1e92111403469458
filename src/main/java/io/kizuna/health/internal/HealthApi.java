package io.kizuna.health.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.kizuna.accounts.AccountId;
import io.kizuna.health.HealthBand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An account's health score through the REST API: the score, its explanation and history, and a CSM's say. */
@RestController
@RequestMapping("/api/v1/accounts/{id}/health")
@Tag(name = "Health", description = "Health scores per account: score, band, explanation, history, overrides")
class HealthApi {

	/** One measure's part, with the reading said in the request's language. */
	record Part(Metric metric, int weight, boolean hasData, Integer points, Double share, String text) {
	}

	record OverrideAnswer(int score, String reason, Instant expiresAt) {
	}

	record SentimentAnswer(Sentiment sentiment, String note, Instant at) {
	}

	record Answer(String accountId, Integer score, HealthBand band, Integer computedScore, HealthBand computedBand,
			String scorecard, Instant computedAt, Integer trend30Days, OverrideAnswer override,
			SentimentAnswer sentiment, List<Part> explanation) {
	}

	record HistoryDay(LocalDate day, int score, HealthBand band) {
	}

	record OverrideRequest(Integer score, String reason, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until) {
	}

	record SentimentRequest(Sentiment sentiment, String note) {
	}

	private final AccountHealthDesk desk;

	private final HealthEngine engine;

	private final MessageSource messages;

	HealthApi(AccountHealthDesk desk, HealthEngine engine, MessageSource messages) {
		this.desk = desk;
		this.engine = engine;
		this.messages = messages;
	}

	@GetMapping
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "The score in force (an override while it lasts), the computed score and band, the change "
			+ "over 30 days, and every measure's part in words")
	Answer health(@PathVariable AccountId id) {
		return answer(desk.of(id, 31));
	}

	@GetMapping("/history")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "The score per day over the last days (default 90); days without a change repeat the day before")
	List<HistoryDay> history(@PathVariable AccountId id, @RequestParam(defaultValue = "90") @Min(1) @Max(730) int days) {
		AccountHealthDesk.View view = desk.of(id, days);
		LocalDate to = engine.today();
		return HealthRecords.daily(view.history(), to.minusDays(days - 1L), to)
			.stream()
			.map(d -> new HistoryDay(d.day(), d.score(), d.band()))
			.toList();
	}

	@PutMapping("/override")
	@PreAuthorize("hasRole('CSM')")
	@Operation(summary = "Override the score (0–100) with a reason until a day (within a year); it ends by itself")
	Answer override(@PathVariable AccountId id, @RequestBody OverrideRequest request) {
		desk.override(id, request.score() == null ? -1 : request.score(), request.reason(), request.until(),
				LocaleContextHolder.getTimeZone().toZoneId());
		engine.refreshDirtyUnlessBusy();
		return answer(desk.of(id, 31));
	}

	@DeleteMapping("/override")
	@PreAuthorize("hasRole('CSM')")
	@Operation(summary = "End an override now")
	ResponseEntity<Void> endOverride(@PathVariable AccountId id) {
		desk.endOverride(id);
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/sentiment")
	@PreAuthorize("hasRole('CSM')")
	@Operation(summary = "Set the CSM's sentiment (POSITIVE, NEUTRAL, NEGATIVE; null clears it), one of the measures")
	Answer sentiment(@PathVariable AccountId id, @RequestBody SentimentRequest request) {
		desk.sentiment(id, request.sentiment(), request.note());
		engine.refreshDirtyUnlessBusy();
		return answer(desk.of(id, 31));
	}

	private Answer answer(AccountHealthDesk.View view) {
		Locale locale = LocaleContextHolder.getLocale();
		List<Part> parts = view.parts()
			.stream()
			.map(p -> p.hasData()
					? new Part(p.metric(), p.weight(), true, p.points(), p.share(),
							messages.getMessage("health.contribution",
									new Object[] { messages.getMessage(p.messageKey(), p.args(), locale), p.points(), p.share() },
									locale))
					: new Part(p.metric(), p.weight(), false, null, null, messages.getMessage("health.noData", null, locale)))
			.toList();
		return new Answer(view.account().toString(), view.score(), view.band(), view.computedScore(),
				view.computedBand(), view.scorecard(), view.computedAt(), view.trend(),
				view.override() == null ? null
						: new OverrideAnswer(view.override().score(), view.override().reason(), view.override().expiresAt()),
				view.sentiment() == null ? null
						: new SentimentAnswer(view.sentiment().sentiment(), view.sentiment().note(), view.sentiment().at()),
				parts);
	}
}
