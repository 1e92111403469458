package io.kizuna.web.internal;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.kizuna.identity.SignedInUser;
import io.kizuna.identity.UserPreferences;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The language switch in the header, on every page including the sign-in page. */
@Controller
class LanguageController {

	private final UserPreferences preferences;

	LanguageController(UserPreferences preferences) {
		this.preferences = preferences;
	}

	@PostMapping("/preferences/language")
	@PreAuthorize("permitAll()")
	String change(@RequestParam Locale language, @RequestParam(defaultValue = "/") String returnTo,
			@AuthenticationPrincipal SignedInUser me, HttpServletRequest request, HttpServletResponse response) {
		preferences.chooseLanguage(me, language, request, response);
		return "redirect:" + safeLocalPath(returnTo);
	}

	/** Only paths on this site, so that the switch cannot be used to send people elsewhere. */
	static String safeLocalPath(String path) {
		if (path == null || !path.startsWith("/") || path.startsWith("//") || path.contains("\\")
				|| path.contains("\r") || path.contains("\n") || path.startsWith("/error")) {
			return "/";
		}
		return path;
	}
}
