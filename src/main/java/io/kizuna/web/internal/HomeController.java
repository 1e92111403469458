package io.kizuna.web.internal;

import java.time.Clock;

import io.kizuna.identity.SignedInUser;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	private final Clock clock;

	HomeController(Clock clock) {
		this.clock = clock;
	}

	@GetMapping("/")
	@PreAuthorize("hasRole('VIEWER')")
	String home(@AuthenticationPrincipal SignedInUser me, Model model) {
		model.addAttribute("me", me);
		model.addAttribute("now", clock.instant());
		return "web/home";
	}
}
