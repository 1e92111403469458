package io.kizuna.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.Locale;
import java.util.UUID;

import io.kizuna.identity.Role;
import io.kizuna.identity.SignedInUser;
import io.kizuna.support.KizunaIntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

@KizunaIntegrationTest
class UserAdministrationIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	Users users;

	private SignedInUser admin() {
		return new TestUsers(context).create(Role.ADMIN);
	}

	@Test
	void anAdminAddsAPersonWhoCanThenSignIn() throws Exception {
		String username = "hanako" + UUID.randomUUID().toString().substring(0, 6);
		mvc.perform(post("/admin/users").with(user(admin())).with(csrf())
			.param("username", username)
			.param("displayName", "山田 花子")
			.param("email", "hanako@example.jp")
			.param("password", "a long enough password")
			.param("roles", "CSM", "SALES"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice", "user.notice.created"));

		User stored = users.findByUsername(username).orElseThrow();
		assertThat(stored.displayName()).isEqualTo("山田 花子");
		assertThat(stored.roles()).containsExactlyInAnyOrder(Role.CSM, Role.SALES);
		assertThat(stored.passwordHash()).startsWith("{bcrypt}").doesNotContain("a long enough password");
		mvc.perform(formLogin().user(username).password("a long enough password"))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void invalidInputIsExplainedFieldByFieldInTheUsersLanguage() throws Exception {
		mvc.perform(post("/admin/users").with(user(admin())).with(csrf()).locale(Locale.JAPANESE)
			.header("Accept-Language", "ja")
			.param("username", "a b")
			.param("displayName", "")
			.param("email", "not-an-address")
			.param("password", "short"))
			.andExpect(status().isOk())
			.andExpect(view().name("identity/user-new"))
			.andExpect(model().attributeHasFieldErrors("userForm", "username", "displayName", "email", "password",
					"roles"))
			.andExpect(content().string(containsString("12 文字以上にしてください。")))
			.andExpect(content().string(containsString("ロールを 1 つ以上選んでください。")));
	}

	@Test
	void aTakenUsernameIsAFieldErrorNotACrash() throws Exception {
		SignedInUser existing = new TestUsers(context).create(Role.VIEWER);
		mvc.perform(post("/admin/users").with(user(admin())).with(csrf())
			.param("username", existing.getUsername().toUpperCase())
			.param("displayName", "Someone")
			.param("roles", "VIEWER"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("userForm", "username", "user.username.taken"));
	}

	@Test
	void anInvitedPersonChoosesTheirPasswordThroughTheOneTimeLink() throws Exception {
		String username = "invitee" + UUID.randomUUID().toString().substring(0, 6);
		var result = mvc.perform(post("/admin/users").with(user(admin())).with(csrf())
			.param("username", username).param("displayName", "Invitee").param("roles", "SUPPORT_AGENT"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String link = (String) result.getFlashMap().get("invitationLink");
		String path = link.substring(link.indexOf("/invitations/"));

		mvc.perform(formLogin().user(username).password("anything at all")).andExpect(redirectedUrl("/login?error"));
		mvc.perform(get(path)).andExpect(status().isOk()).andExpect(model().attribute("valid", true));
		mvc.perform(post(path).with(csrf()).param("newPassword", "my own password 1").param("confirmation", "typo"))
			.andExpect(model().attributeHasFieldErrorCode("form", "confirmation", "password.mismatch"));
		mvc.perform(post(path).with(csrf()).param("newPassword", "my own password 1")
			.param("confirmation", "my own password 1")).andExpect(redirectedUrl("/login?welcome"));

		mvc.perform(formLogin().user(username).password("my own password 1")).andExpect(redirectedUrl("/"));
		mvc.perform(get(path)).andExpect(model().attribute("valid", false));
	}

	@Test
	void rolesChangeAndADeactivatedPersonCannotSignIn() throws Exception {
		SignedInUser admin = admin();
		SignedInUser person = new TestUsers(context).create(Role.VIEWER);

		mvc.perform(post("/admin/users/" + person.id() + "/roles").with(user(admin)).with(csrf())
			.param("roles", "CS_MANAGER")).andExpect(flash().attribute("notice", "user.notice.rolesChanged"));
		assertThat(users.findById(person.id()).orElseThrow().roles()).containsExactly(Role.CS_MANAGER);

		mvc.perform(post("/admin/users/" + person.id() + "/deactivate").with(user(admin)).with(csrf()))
			.andExpect(flash().attribute("notice", "user.notice.deactivated"));
		mvc.perform(formLogin().user(person.getUsername()).password(TestUsers.PASSWORD))
			.andExpect(redirectedUrl("/login?error"));
		assertThat(users.findById(person.id())).get().extracting(User::status).isEqualTo(User.Status.DEACTIVATED);

		mvc.perform(post("/admin/users/" + person.id() + "/activate").with(user(admin)).with(csrf()));
		mvc.perform(formLogin().user(person.getUsername()).password(TestUsers.PASSWORD)).andExpect(redirectedUrl("/"));
	}

	@Test
	void theUserPageShowsTheRecordInJapanese() throws Exception {
		SignedInUser person = new TestUsers(context).create(Role.SALES);
		mvc.perform(get("/admin/users/" + person.id()).with(user(admin())).header("Accept-Language", "ja"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(person.getUsername())))
			.andExpect(content().string(containsString("無効にする")))
			.andExpect(content().string(containsString("value=\"SALES\" checked")));
	}

	@Test
	void anAdminCannotDeactivateThemselves() throws Exception {
		SignedInUser admin = admin();
		mvc.perform(post("/admin/users/" + admin.id() + "/deactivate").with(user(admin)).with(csrf()))
			.andExpect(flash().attribute("failure", "user.cannotDeactivateSelf"));
		assertThat(users.findById(admin.id()).orElseThrow().active()).isTrue();
	}

	@Test
	void theUserTableFiltersSortsAndPages() throws Exception {
		TestUsers testUsers = new TestUsers(context);
		SignedInUser sales = testUsers.create(Role.SALES);
		mvc.perform(get("/admin/users").with(user(admin())).param("q", sales.getUsername()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(sales.getUsername())))
			.andExpect(content().string(containsString("1 in total")));
		mvc.perform(get("/admin/users").with(user(admin())).header("HX-Request", "true")
			.param("role", "SALES").param("sort", "createdAt").param("dir", "desc"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"user-table\"")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("<header"))));
		for (int i = 0; i < 21; i++) {
			testUsers.create(Role.VIEWER);
		}
		mvc.perform(get("/admin/users").with(user(admin())).param("page", "1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Page 2 of")));
	}

	@Test
	void anUnknownUserIsNotFound() throws Exception {
		mvc.perform(get("/admin/users/" + UUID.randomUUID()).with(user(admin()))).andExpect(status().isNotFound());
		mvc.perform(get("/admin/users/not-a-uuid").with(user(admin()))).andExpect(status().isBadRequest());
	}
}
