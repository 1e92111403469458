package io.kizuna.identity.internal;

import java.time.ZoneId;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import io.kizuna.identity.SignedInUser;
import io.kizuna.shared.BusinessRuleViolation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person's own name, e-mail, time zone and password. */
@Controller
@RequestMapping("/profile")
@PreAuthorize("hasRole('VIEWER')")
class ProfileController {

	static final List<String> TIME_ZONES = ZoneId.getAvailableZoneIds()
		.stream()
		.filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
		.sorted()
		.toList();

	private final Profiles profiles;

	private final BrowserLocale browserLocale;

	private final String defaultTimeZone;

	ProfileController(Profiles profiles, BrowserLocale browserLocale,
			@Value("${kizuna.default-time-zone:Asia/Tokyo}") String defaultTimeZone) {
		this.profiles = profiles;
		this.browserLocale = browserLocale;
		this.defaultTimeZone = defaultTimeZone;
	}

	@GetMapping
	String show(@AuthenticationPrincipal SignedInUser me, Model model) {
		User user = profiles.get(me.id());
		model.addAttribute("profileForm", profileFormOf(user));
		model.addAttribute("passwordForm", new PasswordChangeForm());
		return page(user, model);
	}

	@PostMapping
	String processProfileForm(@AuthenticationPrincipal SignedInUser me, @Valid ProfileForm profileForm,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletRequest request,
			HttpServletResponse response) {
		if (!result.hasFieldErrors("timeZone") && !TIME_ZONES.contains(profileForm.getTimeZone())) {
			result.rejectValue("timeZone", "profile.timeZone.unknown");
		}
		if (result.hasErrors()) {
			model.addAttribute("passwordForm", new PasswordChangeForm());
			return page(profiles.get(me.id()), model);
		}
		ZoneId zone = ZoneId.of(profileForm.getTimeZone());
		profiles.changeProfile(me.id(), profileForm.getDisplayName(), profileForm.getEmail(), zone);
		browserLocale.apply(request, response, null, zone);
		redirect.addFlashAttribute("notice", "profile.saved");
		return "redirect:/profile";
	}

	@PostMapping("/password")
	String processPasswordForm(@AuthenticationPrincipal SignedInUser me,
			@Valid @ModelAttribute("passwordForm") PasswordChangeForm passwordForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasFieldErrors("newPassword") && !passwordForm.confirmed()) {
			result.rejectValue("confirmation", "password.mismatch");
		}
		if (!result.hasErrors()) {
			try {
				profiles.changePassword(me.id(), passwordForm.getCurrentPassword(), passwordForm.getNewPassword());
				redirect.addFlashAttribute("notice", "password.changed");
				return "redirect:/profile";
			}
			catch (BusinessRuleViolation wrongCurrentPassword) {
				result.rejectValue("currentPassword", wrongCurrentPassword.messageKey());
			}
		}
		User user = profiles.get(me.id());
		model.addAttribute("profileForm", profileFormOf(user));
		return page(user, model);
	}

	private ProfileForm profileFormOf(User user) {
		ProfileForm form = new ProfileForm();
		form.setDisplayName(user.displayName());
		form.setEmail(user.email());
		form.setTimeZone(user.timeZone() == null ? defaultTimeZone : user.timeZone());
		return form;
	}

	private String page(User user, Model model) {
		model.addAttribute("user", UserView.of(user));
		model.addAttribute("timeZones", TIME_ZONES);
		return "identity/profile";
	}
}
