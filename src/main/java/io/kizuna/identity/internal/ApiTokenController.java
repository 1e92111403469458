package io.kizuna.identity.internal;

import java.util.UUID;

import jakarta.validation.Valid;

import io.kizuna.identity.SignedInUser;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person's own API tokens: create one (its secret is shown once) and revoke. */
@Controller
@RequestMapping("/profile/tokens")
@PreAuthorize("hasRole('VIEWER')")
class ApiTokenController {

	private final ApiTokens tokens;

	ApiTokenController(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@GetMapping
	String list(@AuthenticationPrincipal SignedInUser me, Model model) {
		if (!model.containsAttribute("tokenForm")) {
			model.addAttribute("tokenForm", new TokenForm());
		}
		model.addAttribute("tokens", tokens.ownedBy(me.id()));
		return "identity/tokens";
	}

	@PostMapping
	String processCreationForm(@AuthenticationPrincipal SignedInUser me, @Valid TokenForm tokenForm,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			model.addAttribute("tokens", tokens.ownedBy(me.id()));
			return "identity/tokens";
		}
		ApiTokens.IssuedToken issued = tokens.issue(me.id(), tokenForm.getName(), tokenForm.validity());
		redirect.addFlashAttribute("issuedSecret", issued.secret());
		redirect.addFlashAttribute("issuedName", issued.token().name());
		return "redirect:/profile/tokens";
	}

	@PostMapping("/{id}/revoke")
	String revoke(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, RedirectAttributes redirect) {
		tokens.revoke(me.id(), id);
		redirect.addFlashAttribute("notice", "tokens.notice.revoked");
		return "redirect:/profile/tokens";
	}
}
