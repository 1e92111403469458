package io.kizuna.activities.internal;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.validation.Valid;

import io.kizuna.accounts.AccountId;
import io.kizuna.accounts.AccountRecords;
import io.kizuna.activities.ActivityKind;
import io.kizuna.identity.SignedInUser;
import io.kizuna.shared.PageQuery;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The activities section of the account page (loaded and refreshed by htmx): the latest activities
 * and a form to log one. Without JavaScript the form posts normally and comes back to the account.
 */
@Controller
class ActivityController {

	private static final int SHOWN = 20;

	private final ActivityLog log;

	private final Activities activities;

	private final ActivityViews views;

	private final AccountRecords accounts;

	ActivityController(ActivityLog log, Activities activities, ActivityViews views, AccountRecords accounts) {
		this.log = log;
		this.activities = activities;
		this.views = views;
		this.accounts = accounts;
	}

	@GetMapping("/accounts/{id}/activities")
	@PreAuthorize("hasRole('VIEWER')")
	String section(@PathVariable AccountId id, @RequestParam(defaultValue = "0") int page,
			@AuthenticationPrincipal SignedInUser me, Model model) {
		model.addAttribute("activityForm", freshForm());
		return section(id, page, me, model, false);
	}

	@PostMapping("/accounts/{id}/activities")
	@PreAuthorize("hasRole('VIEWER')")
	String logActivity(@PathVariable AccountId id, @Valid ActivityForm activityForm, BindingResult result,
			@AuthenticationPrincipal SignedInUser me, @RequestHeader(value = "HX-Request", required = false) String htmx,
			Model model) {
		if (result.hasErrors()) {
			return htmx != null ? section(id, 0, me, model, true) : "redirect:/accounts/" + id + "#activities";
		}
		log.log(id, activityForm.toDetails(LocaleContextHolder.getTimeZone().toZoneId()), me);
		if (htmx == null) {
			return "redirect:/accounts/" + id + "#activities";
		}
		model.addAttribute("activityForm", freshForm());
		return section(id, 0, me, model, false);
	}

	@PostMapping("/activities/{activity}/delete")
	@PreAuthorize("hasRole('VIEWER')")
	String delete(@PathVariable UUID activity, @AuthenticationPrincipal SignedInUser me) {
		AccountId account = log.delete(activity, me);
		return "redirect:/accounts/" + account + "#activities";
	}

	/** An empty form set to now, in the person's time zone. */
	private static ActivityForm freshForm() {
		ActivityForm form = new ActivityForm();
		form.setOccurredAt(LocalDateTime.now(LocaleContextHolder.getTimeZone().toZoneId()).truncatedTo(ChronoUnit.MINUTES));
		return form;
	}

	private String section(AccountId id, int page, SignedInUser me, Model model, boolean formOpen) {
		accounts.require(id);
		var result = activities.search(new Activities.Query(id, null, null, null, new PageQuery(page, SHOWN, null, false)));
		model.addAttribute("accountId", id.toString());
		model.addAttribute("activities", views.of(result.items(), me));
		model.addAttribute("total", result.total());
		model.addAttribute("kinds", ActivityKind.values());
		model.addAttribute("formOpen", formOpen);
		return "activities/section :: section";
	}
}
