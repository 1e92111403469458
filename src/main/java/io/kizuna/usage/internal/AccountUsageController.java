package io.kizuna.usage.internal;

import io.kizuna.accounts.AccountId;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** An account's product usage as a section of the account page ({@link AccountUsageApi} has the same as JSON). */
@Controller
class AccountUsageController {

	private final AccountUsage usage;

	AccountUsageController(AccountUsage usage) {
		this.usage = usage;
	}

	@GetMapping("/accounts/{id}/usage")
	@PreAuthorize("hasRole('VIEWER')")
	String section(@PathVariable AccountId id, Model model) {
		model.addAttribute("usage", usage.of(id, 30));
		return "usage/section :: section";
	}
}
