package io.kizuna.identity.internal;

import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Where an invited person opens their one-time link and chooses a password. */
@Controller
class InvitationController {

	private final Invitations invitations;

	private final Profiles profiles;

	InvitationController(Invitations invitations, Profiles profiles) {
		this.invitations = invitations;
		this.profiles = profiles;
	}

	@GetMapping("/invitations/{token}")
	@PreAuthorize("permitAll()")
	String initAcceptanceForm(@PathVariable String token, Model model) {
		model.addAttribute("token", token);
		model.addAttribute("valid", invitations.open(token).isPresent());
		model.addAttribute("form", new PasswordChangeForm());
		return "identity/invitation";
	}

	@PostMapping("/invitations/{token}")
	@PreAuthorize("permitAll()")
	String processAcceptanceForm(@PathVariable String token, @Valid @ModelAttribute("form") PasswordChangeForm form,
			BindingResult result, Model model) {
		model.addAttribute("token", token);
		if (!result.hasFieldErrors("newPassword") && !form.confirmed()) {
			result.rejectValue("confirmation", "password.mismatch");
		}
		if (result.hasErrors()) {
			model.addAttribute("valid", true);
			return "identity/invitation";
		}
		if (!profiles.acceptInvitation(token, form.getNewPassword())) {
			model.addAttribute("valid", false);
			return "identity/invitation";
		}
		return "redirect:/login?welcome";
	}
}
