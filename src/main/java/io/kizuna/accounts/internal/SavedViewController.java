package io.kizuna.accounts.internal;

import java.time.Clock;
import java.util.UUID;

import io.kizuna.identity.SignedInUser;
import io.kizuna.shared.NotFoundException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Saving the account table's current filters and order under a name, and forgetting it again. */
@Controller
class SavedViewController {

	private final SavedViews views;

	private final Clock clock;

	SavedViewController(SavedViews views, Clock clock) {
		this.views = views;
		this.clock = clock;
	}

	@PostMapping("/accounts/views")
	@PreAuthorize("hasRole('VIEWER')")
	String save(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String query,
			@AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
		String cleanName = name.strip();
		if (cleanName.isEmpty() || cleanName.length() > 100) {
			redirect.addFlashAttribute("failure", "savedView.name.invalid");
			return "redirect:/accounts" + (query.isEmpty() ? "" : "?" + SavedViews.clean(query));
		}
		SavedViews.SavedView view = views.save(me.id(), cleanName, query, clock.instant());
		redirect.addFlashAttribute("notice", "savedView.notice.saved");
		return "redirect:/accounts" + (view.query().isEmpty() ? "" : "?" + view.query());
	}

	@PostMapping("/accounts/views/{id}/delete")
	@PreAuthorize("hasRole('VIEWER')")
	String delete(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
		if (!views.delete(me.id(), id)) {
			throw new NotFoundException("savedView.notFound", id);
		}
		redirect.addFlashAttribute("notice", "savedView.notice.deleted");
		return "redirect:/accounts";
	}
}
