package io.kizuna.web.internal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Areas whose modules are not built yet answer "coming soon" instead of 404. When a module arrives,
 * its own controller takes the path over and the entry here goes.
 */
@Controller
class AreaController {

	@GetMapping("/support")
	@PreAuthorize("hasRole('SUPPORT_AGENT')")
	String support(Model model) {
		return comingSoon("support", model);
	}

	@GetMapping("/sales")
	@PreAuthorize("hasRole('SALES')")
	String sales(Model model) {
		return comingSoon("sales", model);
	}

	@GetMapping("/guides")
	@PreAuthorize("hasRole('CSM')")
	String guides(Model model) {
		return comingSoon("guides", model);
	}

	@GetMapping("/admin")
	@PreAuthorize("hasRole('ADMIN')")
	String admin() {
		return "web/admin";
	}

	private static String comingSoon(String area, Model model) {
		model.addAttribute("area", area);
		return "web/coming-soon";
	}
}
