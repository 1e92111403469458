package io.kizuna.health.internal;

import java.time.LocalDate;

import io.kizuna.accounts.AccountId;
import io.kizuna.shared.InvalidRequest;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The health section of the account page (loaded by htmx): the score with every measure's part in words,
 * its last 90 days, and for CSMs the sentiment and override forms. Without JavaScript the forms post
 * normally and come back to the account.
 */
@Controller
class HealthController {

	private static final int DAYS = 90;

	private final AccountHealthDesk desk;

	private final HealthEngine engine;

	HealthController(AccountHealthDesk desk, HealthEngine engine) {
		this.desk = desk;
		this.engine = engine;
	}

	@GetMapping("/accounts/{id}/health")
	@PreAuthorize("hasRole('VIEWER')")
	String section(@PathVariable AccountId id, Model model) {
		AccountHealthDesk.View view = desk.of(id, DAYS);
		LocalDate today = engine.today();
		model.addAttribute("health", view);
		model.addAttribute("line", ScoreLine.of(view.history(), today.minusDays(DAYS - 1L), today, 600, 120));
		model.addAttribute("sentiments", Sentiment.values());
		model.addAttribute("accountId", id);
		if (!model.containsAttribute("overrideUntil")) {
			model.addAttribute("overrideUntil", today.plusDays(30));
		}
		return "health/section :: section";
	}

	@PostMapping("/accounts/{id}/health/override")
	@PreAuthorize("hasRole('CSM')")
	String override(@PathVariable AccountId id, @RequestParam(required = false) String score,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String until,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		// Read here rather than bound, so that "abc" gets the form's own message, not an error page.
		try {
			desk.override(id, number(score), reason, day(until), LocaleContextHolder.getTimeZone().toZoneId());
		}
		catch (InvalidRequest refused) {
			model.addAttribute("overrideError", refused.messageKey());
			model.addAttribute("overrideScore", score);
			model.addAttribute("overrideReason", reason);
			model.addAttribute("overrideUntil", until);
		}
		return answer(id, htmx, model);
	}

	private static int number(String text) {
		try {
			return text == null ? -1 : Integer.parseInt(text.strip());
		}
		catch (NumberFormatException notANumber) {
			return -1;
		}
	}

	private static LocalDate day(String text) {
		try {
			return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
		}
		catch (java.time.format.DateTimeParseException notADay) {
			return null;
		}
	}

	@PostMapping("/accounts/{id}/health/override/end")
	@PreAuthorize("hasRole('CSM')")
	String endOverride(@PathVariable AccountId id, @RequestHeader(value = "HX-Request", required = false) String htmx,
			Model model) {
		desk.endOverride(id);
		return answer(id, htmx, model);
	}

	@PostMapping("/accounts/{id}/health/sentiment")
	@PreAuthorize("hasRole('CSM')")
	String sentiment(@PathVariable AccountId id, @RequestParam(required = false) Sentiment sentiment,
			@RequestParam(required = false) String note,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		try {
			desk.sentiment(id, sentiment, note);
		}
		catch (InvalidRequest refused) {
			model.addAttribute("sentimentError", refused.messageKey());
		}
		return answer(id, htmx, model);
	}

	/**
	 * The section again for htmx (after the change is rescored, so the new score shows), else back to the
	 * account. The refresh runs on its schedule too; asking for it here only saves the person the wait.
	 */
	private String answer(AccountId id, String htmx, Model model) {
		if (htmx == null) {
			return "redirect:/accounts/" + id + "#health";
		}
		engine.refreshDirtyUnlessBusy();
		return section(id, model);
	}
}
