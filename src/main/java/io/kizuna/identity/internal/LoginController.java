package io.kizuna.identity.internal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security itself handles the POST. */
@Controller
class LoginController {

	@GetMapping("/login")
	@PreAuthorize("permitAll()")
	String login() {
		return "identity/login";
	}
}
