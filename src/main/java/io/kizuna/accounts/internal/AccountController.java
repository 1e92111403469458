package io.kizuna.accounts.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import io.kizuna.accounts.AccountId;
import io.kizuna.accounts.LifecycleStage;
import io.kizuna.accounts.SizeBand;
import io.kizuna.identity.Role;
import io.kizuna.identity.SignedInUser;
import io.kizuna.identity.UserDirectory;
import io.kizuna.identity.UserId;
import io.kizuna.shared.KizunaException;
import io.kizuna.shared.PageQuery;
import io.kizuna.shared.PageResult;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Account pages: the table, the account, create, edit and (admins only) delete. */
@Controller
@RequestMapping("/accounts")
class AccountController {

	static final String EDITORS = "hasAnyRole('CSM', 'SALES')";

	private static final int PAGE_SIZE = 25;

	private static final List<Integer> RENEWAL_WINDOWS = List.of(30, 60, 90, 180, 365);

	private final AccountCatalog catalog;

	private final Accounts accounts;

	private final AccountViews views;

	private final UserDirectory directory;

	private final Contacts contacts;

	private final AccountExport export;

	private final AccountHistory history;

	private final CustomFields customFields;

	private final SavedViews savedViews;

	private final AccountIndexing indexing;

	AccountController(AccountCatalog catalog, Accounts accounts, AccountViews views, UserDirectory directory,
			Contacts contacts, AccountExport export, AccountHistory history, CustomFields customFields,
			SavedViews savedViews, AccountIndexing indexing) {
		this.indexing = indexing;
		this.savedViews = savedViews;
		this.customFields = customFields;
		this.history = history;
		this.export = export;
		this.catalog = catalog;
		this.accounts = accounts;
		this.views = views;
		this.directory = directory;
		this.contacts = contacts;
	}

	@GetMapping
	@PreAuthorize("hasRole('VIEWER')")
	String list(AccountQuery.Filter filter, @RequestParam(defaultValue = "name") String sort,
			@RequestParam(defaultValue = "asc") String dir, @RequestParam(defaultValue = "0") int page,
			@RequestParam Map<String, String> parameters, @AuthenticationPrincipal SignedInUser me,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		boolean ascending = !"desc".equals(dir);
		AccountQuery query = filter.toQuery(today(), parameters, new PageQuery(page, PAGE_SIZE, sort, ascending));
		var result = indexing.search(query);
		model.addAttribute("customFilter", query.custom());
		model.addAttribute("page", new PageResult<>(views.of(result.items()), result.total(), result.page(),
				result.size()));
		model.addAttribute("q", filter.q());
		model.addAttribute("stage", filter.stage());
		model.addAttribute("owner", filter.owner() == null ? null : filter.owner().toString());
		model.addAttribute("plan", filter.plan());
		model.addAttribute("size", filter.size());
		model.addAttribute("renewal", filter.renewal());
		model.addAttribute("band", filter.band());
		model.addAttribute("segment", filter.segment());
		model.addAttribute("sort", sort);
		model.addAttribute("dir", ascending ? "asc" : "desc");
		if (htmx != null) {
			return "accounts/list :: accountTable";
		}
		// The filter choices are needed only when the whole page is drawn, not for each htmx refresh.
		model.addAttribute("stages", LifecycleStage.values());
		model.addAttribute("sizes", SizeBand.values());
		model.addAttribute("plans", accounts.plans());
		model.addAttribute("bands", List.of("GOOD", "NEUTRAL", "AT_RISK"));
		model.addAttribute("segments", indexing.segments());
		model.addAttribute("csms", directory.activeWithRole(Role.CSM));
		model.addAttribute("renewalWindows", RENEWAL_WINDOWS);
		model.addAttribute("savedViews", savedViews.of(me.id()));
		model.addAttribute("choiceFields", customFields.all().stream()
			.filter(f -> f.type() == CustomField.Type.CHOICE)
			.toList());
		return "accounts/list";
	}

	/** The current view of the table, every page of it, as a CSV download. */
	@GetMapping("/export.csv")
	@PreAuthorize("hasRole('VIEWER')")
	void export(AccountQuery.Filter filter, @RequestParam(defaultValue = "name") String sort,
			@RequestParam(defaultValue = "asc") String dir, @RequestParam Map<String, String> parameters,
			HttpServletResponse response) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"accounts.csv\"");
		export.write(filter.toQuery(today(), parameters, new PageQuery(0, 1, sort, !"desc".equals(dir))),
				response.getWriter());
	}

	/** Today where the person looking lives: a renewal "within 30 days" counts from their date. */
	static LocalDate today() {
		return LocalDate.now(LocaleContextHolder.getTimeZone().toZoneId());
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasRole('VIEWER')")
	String show(@PathVariable AccountId id, Model model) {
		model.addAttribute("contactForm", new ContactForm());
		return accountPage(id, model);
	}

	@PostMapping("/{id}/contacts")
	@PreAuthorize(EDITORS)
	String addContact(@PathVariable AccountId id, @Valid ContactForm contactForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				contacts.add(id, contactForm);
				redirect.addFlashAttribute("notice", "contact.notice.added");
				return "redirect:/accounts/" + id + "#contacts";
			}
			catch (KizunaException refused) {
				if (refused.status().value() == 404) {
					throw refused;
				}
				result.rejectValue("email", refused.messageKey(), refused.arguments(), null);
			}
		}
		return accountPage(id, model);
	}

	@PostMapping("/{id}/contacts/{contact}/delete")
	@PreAuthorize(EDITORS)
	String removeContact(@PathVariable AccountId id, @PathVariable java.util.UUID contact,
			RedirectAttributes redirect) {
		contacts.remove(id, contact);
		redirect.addFlashAttribute("notice", "contact.notice.removed");
		return "redirect:/accounts/" + id + "#contacts";
	}

	private String accountPage(AccountId id, Model model) {
		model.addAttribute("account", views.of(catalog.get(id)));
		model.addAttribute("contacts", contacts.of(id));
		model.addAttribute("contactRoles", ContactRole.values());
		model.addAttribute("history", views.history(history.of(id, 50)));
		model.addAttribute("customFields", customFields.all());
		return "accounts/show";
	}

	@GetMapping("/new")
	@PreAuthorize(EDITORS)
	String initCreationForm(Model model) {
		model.addAttribute("accountForm", new AccountForm());
		return form(model, null);
	}

	@PostMapping
	@PreAuthorize(EDITORS)
	String processCreationForm(@Valid AccountForm accountForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (validate(accountForm, result)) {
			try {
				Account created = catalog.create(accountForm.toDetails());
				redirect.addFlashAttribute("notice", "account.notice.created");
				return "redirect:/accounts/" + created.id();
			}
			catch (KizunaException refused) {
				result.reject(refused.messageKey(), refused.arguments(), null);
			}
		}
		return form(model, null);
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize(EDITORS)
	String initUpdateForm(@PathVariable AccountId id, Model model) {
		model.addAttribute("accountForm", AccountForm.of(catalog.get(id)));
		return form(model, id);
	}

	@PostMapping("/{id}")
	@PreAuthorize(EDITORS)
	String processUpdateForm(@PathVariable AccountId id, @Valid AccountForm accountForm, BindingResult result,
			Model model, RedirectAttributes redirect) {
		if (validate(accountForm, result)) {
			try {
				catalog.update(id, accountForm.toDetails(), accountForm.getVersion());
				redirect.addFlashAttribute("notice", "account.notice.saved");
				return "redirect:/accounts/" + id;
			}
			catch (KizunaException refused) {
				if (refused.status().value() == 404) {
					throw refused;
				}
				result.reject(refused.messageKey(), refused.arguments(), null);
			}
		}
		return form(model, id);
	}

	@PostMapping("/{id}/delete")
	@PreAuthorize("hasRole('ADMIN')")
	String delete(@PathVariable AccountId id, @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
		catalog.delete(id, me.id());
		redirect.addFlashAttribute("notice", "account.notice.deleted");
		return "redirect:/accounts";
	}

	private static boolean validate(AccountForm form, BindingResult result) {
		if (!AccountRules.validDomains(AccountRules.splitDomains(form.getDomains()))) {
			result.rejectValue("domains", "account.domain.invalid");
		}
		if (!AccountRules.validCountry(form.getCountry())) {
			result.rejectValue("country", "account.country.unknown");
		}
		return !result.hasErrors();
	}

	private String form(Model model, AccountId id) {
		Locale locale = LocaleContextHolder.getLocale();
		model.addAttribute("customFields", customFields.all());
		model.addAttribute("accountId", id == null ? null : id.toString());
		model.addAttribute("stages", LifecycleStage.values());
		model.addAttribute("csms", directory.activeWithRole(Role.CSM));
		model.addAttribute("executives", directory.activeWithRole(Role.SALES));
		model.addAttribute("countries", Arrays.stream(Locale.getISOCountries())
			.map(code -> Map.entry(code, Locale.of("", code).getDisplayCountry(locale)))
			.sorted(Comparator.comparing(Map.Entry::getValue))
			.toList());
		return "accounts/form";
	}
}
