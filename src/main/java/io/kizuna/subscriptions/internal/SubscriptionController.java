package io.kizuna.subscriptions.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import io.kizuna.accounts.AccountId;
import io.kizuna.accounts.AccountRecords;
import io.kizuna.shared.KizunaException;
import io.kizuna.subscriptions.BillingPeriod;
import io.kizuna.subscriptions.CurrencyRates;
import io.kizuna.subscriptions.SubscriptionId;
import io.kizuna.subscriptions.SubscriptionStatus;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The subscriptions section of the account page (loaded into it by htmx) and the pages to add, change
 * and (admins only) delete a subscription.
 */
@Controller
class SubscriptionController {

	static final String EDITORS = "hasAnyRole('CSM', 'SALES')";

	private final SubscriptionBook book;

	private final Subscriptions subscriptions;

	private final SubscriptionHistory history;

	private final SubscriptionViews views;

	private final AccountRecords accounts;

	private final CurrencyRates rates;

	SubscriptionController(SubscriptionBook book, Subscriptions subscriptions, SubscriptionHistory history,
			SubscriptionViews views, AccountRecords accounts, CurrencyRates rates) {
		this.book = book;
		this.subscriptions = subscriptions;
		this.history = history;
		this.views = views;
		this.accounts = accounts;
		this.rates = rates;
	}

	@GetMapping("/accounts/{id}/subscriptions")
	@PreAuthorize("hasRole('VIEWER')")
	String section(@PathVariable AccountId id, Model model) {
		accounts.require(id);
		// The whole account's history at once: one query, and one look-up of the people named in it.
		List<SubscriptionHistory.Change> changes = history.ofAccount(id);
		List<SubscriptionView.ChangeView> changeViews = views.of(changes);
		Map<SubscriptionId, List<SubscriptionView.ChangeView>> bySubscription = new LinkedHashMap<>();
		for (int i = 0; i < changes.size(); i++) {
			bySubscription.computeIfAbsent(changes.get(i).subscription(), k -> new java.util.ArrayList<>())
				.add(changeViews.get(i));
		}
		Map<SubscriptionView, List<SubscriptionView.ChangeView>> rows = new LinkedHashMap<>();
		for (Subscription s : subscriptions.ofAccount(id)) {
			rows.put(views.of(s), bySubscription.getOrDefault(s.id(), List.of()));
		}
		model.addAttribute("accountId", id.toString());
		model.addAttribute("subscriptions", rows);
		model.addAttribute("reportingCurrency", rates.getReportingCurrency().getCurrencyCode());
		return "subscriptions/section :: section";
	}

	@GetMapping("/accounts/{id}/subscriptions/new")
	@PreAuthorize(EDITORS)
	String initCreationForm(@PathVariable AccountId id, Model model) {
		SubscriptionForm form = new SubscriptionForm();
		form.setCurrency(subscriptions.ofAccount(id).stream()
			.map(s -> s.terms().currency().getCurrencyCode())
			.findFirst()
			.orElse(rates.getReportingCurrency().getCurrencyCode()));
		model.addAttribute("subscriptionForm", form);
		return form(model, id, null);
	}

	@PostMapping("/accounts/{id}/subscriptions")
	@PreAuthorize(EDITORS)
	String processCreationForm(@PathVariable AccountId id, @Valid SubscriptionForm subscriptionForm,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				book.create(id, subscriptionForm.toTerms(), subscriptionForm.getEffectiveDate());
				redirect.addFlashAttribute("notice", "subscription.notice.added");
				return "redirect:/accounts/" + id + "#subscriptions";
			}
			catch (KizunaException refused) {
				rejectOrThrow(refused, result);
			}
		}
		return form(model, id, null);
	}

	@GetMapping("/subscriptions/{sid}/edit")
	@PreAuthorize(EDITORS)
	String initUpdateForm(@PathVariable SubscriptionId sid, Model model) {
		Subscription subscription = book.get(sid);
		model.addAttribute("subscriptionForm", SubscriptionForm.of(subscription));
		return form(model, subscription.accountId(), sid);
	}

	@PostMapping("/subscriptions/{sid}")
	@PreAuthorize(EDITORS)
	String processUpdateForm(@PathVariable SubscriptionId sid, @Valid SubscriptionForm subscriptionForm,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Subscription current = book.get(sid);
		if (!result.hasErrors()) {
			try {
				book.update(sid, subscriptionForm.toTerms(), subscriptionForm.getVersion(),
						subscriptionForm.getEffectiveDate());
				redirect.addFlashAttribute("notice", "subscription.notice.saved");
				return "redirect:/accounts/" + current.accountId() + "#subscriptions";
			}
			catch (KizunaException refused) {
				rejectOrThrow(refused, result);
			}
		}
		return form(model, current.accountId(), sid);
	}

	@PostMapping("/subscriptions/{sid}/delete")
	@PreAuthorize("hasRole('ADMIN')")
	String delete(@PathVariable SubscriptionId sid, RedirectAttributes redirect) {
		AccountId account = book.get(sid).accountId();
		book.delete(sid);
		redirect.addFlashAttribute("notice", "subscription.notice.deleted");
		return "redirect:/accounts/" + account + "#subscriptions";
	}

	private static void rejectOrThrow(KizunaException refused, BindingResult result) {
		if (refused.status().value() == 404) {
			throw refused;
		}
		result.reject(refused.messageKey(), refused.arguments(), null);
	}

	private String form(Model model, AccountId account, SubscriptionId id) {
		model.addAttribute("account", accounts.require(account));
		model.addAttribute("subscriptionId", id == null ? null : id.toString());
		model.addAttribute("currencies", rates.currencies().stream().map(c -> c.getCurrencyCode()).toList());
		model.addAttribute("periods", BillingPeriod.values());
		model.addAttribute("statuses", SubscriptionStatus.values());
		return "subscriptions/form";
	}
}
