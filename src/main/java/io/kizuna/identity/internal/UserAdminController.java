package io.kizuna.identity.internal;

import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.Valid;

import io.kizuna.identity.Role;
import io.kizuna.identity.SignedInUser;
import io.kizuna.identity.UserId;
import io.kizuna.shared.KizunaException;
import io.kizuna.shared.PageQuery;

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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Admin screens for people: the table, adding or inviting, roles, deactivation. */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasRole('ADMIN')")
class UserAdminController {

	private static final int PAGE_SIZE = 20;

	private final UserManagement management;

	private final Users users;

	UserAdminController(UserManagement management, Users users) {
		this.management = management;
		this.users = users;
	}

	/** The table; htmx asks for just the table when filters, sorting or paging change. */
	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Role role,
			@RequestParam(required = false) User.Status status, @RequestParam(defaultValue = "username") String sort,
			@RequestParam(defaultValue = "asc") String dir, @RequestParam(defaultValue = "0") int page,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		boolean ascending = !"desc".equals(dir);
		var result = users.search(new UserQuery(q, role, status, new PageQuery(page, PAGE_SIZE, sort, ascending)));
		model.addAttribute("page", result.map(UserView::of));
		model.addAttribute("q", q);
		model.addAttribute("role", role);
		model.addAttribute("status", status);
		model.addAttribute("sort", sort);
		model.addAttribute("dir", ascending ? "asc" : "desc");
		model.addAttribute("roles", Role.all());
		model.addAttribute("statuses", User.Status.values());
		return htmx != null ? "identity/users :: userTable" : "identity/users";
	}

	@GetMapping("/new")
	String initCreationForm(Model model) {
		UserForm form = new UserForm();
		form.setRoles(EnumSet.of(Role.CSM));
		model.addAttribute("userForm", form);
		model.addAttribute("roles", Role.all());
		return "identity/user-new";
	}

	@PostMapping
	String processCreationForm(@Valid UserForm userForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				UserManagement.CreatedUser created = management.create(userForm.toNewUser());
				if (created.invitationToken() != null) {
					redirect.addFlashAttribute("invitationLink", invitationLink(created.invitationToken()));
				}
				redirect.addFlashAttribute("notice", "user.notice.created");
				return "redirect:/admin/users/" + created.user().id();
			}
			catch (KizunaException refused) {
				result.rejectValue("username", refused.messageKey(), refused.arguments(), null);
			}
		}
		model.addAttribute("roles", Role.all());
		return "identity/user-new";
	}

	@GetMapping("/{id}")
	String show(@PathVariable UserId id, Model model) {
		model.addAttribute("user", UserView.of(management.get(id)));
		model.addAttribute("roles", Role.all());
		return "identity/user";
	}

	@PostMapping("/{id}/roles")
	String changeRoles(@PathVariable UserId id, @RequestParam(required = false) Set<Role> roles,
			RedirectAttributes redirect) {
		return attempt(id, redirect, "user.notice.rolesChanged", () -> management.changeRoles(id, roles));
	}

	@PostMapping("/{id}/deactivate")
	String deactivate(@PathVariable UserId id, @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
		return attempt(id, redirect, "user.notice.deactivated", () -> management.deactivate(id, me.id()));
	}

	@PostMapping("/{id}/activate")
	String activate(@PathVariable UserId id, RedirectAttributes redirect) {
		return attempt(id, redirect, "user.notice.activated", () -> management.reactivate(id));
	}

	@PostMapping("/{id}/invitation")
	String reinvite(@PathVariable UserId id, RedirectAttributes redirect) {
		return attempt(id, redirect, "user.notice.invitationRenewed",
				() -> redirect.addFlashAttribute("invitationLink", invitationLink(management.reinvite(id))));
	}

	/** Runs an admin action; a refused rule comes back as a message on the user's page, not an error page. */
	private String attempt(UserId id, RedirectAttributes redirect, String successKey, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", successKey);
		}
		catch (KizunaException refused) {
			if (refused.status().value() == 404) {
				throw refused;
			}
			redirect.addFlashAttribute("failure", refused.messageKey());
		}
		return "redirect:/admin/users/" + id;
	}

	private static String invitationLink(String token) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path("/invitations/{token}").build(token).toString();
	}
}
