package io.kizuna.usage.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.kizuna.shared.InvalidRequest;
import io.kizuna.shared.KizunaException;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
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

	private final RawEventExport export;

	SourceController(SourceAdmin admin, UsageIdentities identities, io.kizuna.accounts.AccountRecords accounts,
			UsageFeed feed, RawEventExport export) {
		this.admin = admin;
		this.export = export;
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

	@org.springframework.beans.factory.annotation.Value("${kizuna.usage.retention-days:400}")
	private int retentionDays;

	@ModelAttribute("retentionDays")
	int retentionDays() {
		return retentionDays;
	}

	/** The event types an export can be limited to. */
	@ModelAttribute("eventTypes")
	List<String> eventTypes() {
		return List.of("identify", "track", "page", "screen", "group", "alias");
	}

	@GetMapping
	String list(Model model) {
		if (!model.containsAttribute("sourceForm")) {
			model.addAttribute("sourceForm", new SourceForm());
		}
		model.addAttribute("sources", admin.all());
		model.addAttribute("unmatched", unmatched());
		if (!model.containsAttribute("exportFrom")) {
			LocalDate today = LocalDate.now(LocaleContextHolder.getTimeZone().toZoneId());
			model.addAttribute("exportFrom", today.minusDays(6));
			model.addAttribute("exportTo", today);
		}
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

	/**
	 * The export form: days that cannot be read or run backwards show the page again with the reason next to
	 * the form and what was typed kept; good ones lead on to the download.
	 */
	@GetMapping("/export")
	ModelAndView exportEvents(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) UUID source, @RequestParam(required = false) String type, Model model) {
		try {
			RawEventExport.Request request = request(from, to, source, type);
			return new ModelAndView("redirect:" + org.springframework.web.util.UriComponentsBuilder.fromPath("/admin/sources/events.ndjson")
				.queryParam("from", request.from())
				.queryParam("to", request.to())
				.queryParamIfPresent("source", java.util.Optional.ofNullable(request.source()))
				.queryParamIfPresent("type", java.util.Optional.ofNullable(request.type()))
				.build()
				.toUriString());
		}
		catch (KizunaException refused) {
			model.addAttribute("exportFailure", refused);
			model.addAttribute("exportFrom", from);
			model.addAttribute("exportTo", to);
			model.addAttribute("exportSource", source);
			model.addAttribute("exportType", type);
			return new ModelAndView(list(model), model.asMap(), org.springframework.http.HttpStatus.BAD_REQUEST);
		}
	}

	/** The raw events of the chosen days, one stored event a line, streamed as they are read. */
	@GetMapping("/events.ndjson")
	void download(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) UUID source, @RequestParam(required = false) String type,
			HttpServletResponse response) throws IOException {
		export.respond(request(from, to, source, type), response);
	}

	private static RawEventExport.Request request(String from, String to, UUID source, String type) {
		return new RawEventExport.Request(day(from), day(to), LocaleContextHolder.getTimeZone().toZoneId(), source,
				type == null || type.isBlank() ? null : type);
	}

	private static LocalDate day(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException unreadable) {
			throw new InvalidRequest("usage.export.dayUnreadable", text);
		}
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
