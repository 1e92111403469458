package io.kizuna.usage.internal;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin page of event sources: create one, see its write key once (with the snippet to paste),
 * rotate or revoke it.
 */
@Controller
@RequestMapping("/admin/sources")
@PreAuthorize("hasRole('ADMIN')")
class SourceController {

	private final SourceAdmin admin;

	private final UsageIdentities identities;

	private final io.kizuna.accounts.AccountRecords accounts;

	private final UsageFeed feed;

	SourceController(SourceAdmin admin, UsageIdentities identities, io.kizuna.accounts.AccountRecords accounts,
			UsageFeed feed) {
		this.admin = admin;
		this.feed = feed;
		this.identities = identities;
		this.accounts = accounts;
	}

	public static class SourceForm {

		@NotBlank
		@Size(max = 100)
		private String name;

		@NotNull
		private Source.Kind kind = Source.Kind.WEB;

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public Source.Kind getKind() {
			return kind;
		}

		public void setKind(Source.Kind kind) {
			this.kind = kind;
		}
	}

	/** Where the snippet tells a Segment client to send: this server, without the scheme. */
	@ModelAttribute("apiHost")
	String apiHost() {
		var uri = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath().build();
		return uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + uri.getPath();
	}

	@ModelAttribute("kinds")
	List<Source.Kind> kinds() {
		return List.of(Source.Kind.values());
	}

	@GetMapping
	String list(Model model) {
		if (!model.containsAttribute("sourceForm")) {
			model.addAttribute("sourceForm", new SourceForm());
		}
		model.addAttribute("sources", admin.all());
		model.addAttribute("unmatched", unmatched());
		if (model.getAttribute("newKey") instanceof SourceAdmin.Keyed keyed) {
			model.addAttribute("snippet", "analytics.load('" + keyed.writeKey()
					+ "', { integrations: { 'Segment.io': { apiHost: '" + apiHost() + "/v1' } } })");
		}
		return "usage/sources";
	}

	@PostMapping
	String create(@Valid @ModelAttribute("sourceForm") SourceForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			model.addAttribute("sources", admin.all());
			model.addAttribute("unmatched", unmatched());
			return "usage/sources";
		}
		SourceAdmin.Keyed keyed = admin.create(form.getName(), form.getKind());
		redirect.addFlashAttribute("newKey", keyed);
		redirect.addFlashAttribute("notice", "usage.source.notice.created");
		return "redirect:/admin/sources";
	}

	private List<UsageGroupsApi.GroupView> unmatched() {
		return identities.unmatched(200)
			.stream()
			.map(g -> new UsageGroupsApi.GroupView(g.source, g.groupId, g.name, g.events, g.firstSeen, g.lastSeen))
			.toList();
	}

	/** Ties a company seen in the product to an account, named by its domain, Salesforce id or HubSpot id. */
	@PostMapping("/groups/map")
	String map(@org.springframework.web.bind.annotation.RequestParam UUID sourceId,
			@org.springframework.web.bind.annotation.RequestParam String groupId,
			@org.springframework.web.bind.annotation.RequestParam(defaultValue = "") String account,
			RedirectAttributes redirect) {
		var found = accounts.resolve(List.of(account.strip())).get(account.strip());
		if (found == null) {
			redirect.addFlashAttribute("failure", "usage.group.accountUnknown");
			return "redirect:/admin/sources#unmatched";
		}
		feed.map(sourceId, groupId, found.value());
		redirect.addFlashAttribute("notice", "usage.group.notice.mapped");
		return "redirect:/admin/sources#unmatched";
	}

	@PostMapping("/{id}/rotate")
	String rotate(@PathVariable UUID id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("newKey", admin.rotate(id));
		redirect.addFlashAttribute("notice", "usage.source.notice.rotated");
		return "redirect:/admin/sources";
	}

	@PostMapping("/{id}/revoke")
	String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
		admin.revoke(id);
		redirect.addFlashAttribute("notice", "usage.source.notice.revoked");
		return "redirect:/admin/sources";
	}
}
