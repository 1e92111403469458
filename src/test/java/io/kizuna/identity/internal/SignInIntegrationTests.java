package io.kizuna.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import io.kizuna.identity.Role;
import io.kizuna.identity.SignedInUser;
import io.kizuna.support.KizunaIntegrationTest;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@KizunaIntegrationTest
class SignInIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	Users users;

	@Test
	void theFirstAdminSignsInWithTheConfiguredPassword() throws Exception {
		mvc.perform(formLogin().user("admin").password("admin-password-for-tests")).andExpect(redirectedUrl("/"));
	}

	@Test
	void aWrongPasswordIsRefusedWithAMessage() throws Exception {
		mvc.perform(formLogin().user("admin").password("wrong")).andExpect(redirectedUrl("/login?error"));
		mvc.perform(get("/login").param("error", "").header("Accept-Language", "ja"))
			.andExpect(content().string(Matchers.containsString("ユーザー名またはパスワードが違います。")));
	}

	@Test
	void aUsernameIsThrottledAfterFiveFailuresEvenWithTheRightPassword() throws Exception {
		SignedInUser person = new TestUsers(context).create(Role.CSM);
		for (int i = 0; i < 5; i++) {
			mvc.perform(formLogin().user(person.getUsername()).password("guess " + i))
				.andExpect(redirectedUrl("/login?error"));
		}
		mvc.perform(formLogin().user(person.getUsername()).password(TestUsers.PASSWORD))
			.andExpect(redirectedUrl("/login?throttled=15"));
		mvc.perform(get("/login").param("throttled", "15"))
			.andExpect(content().string(Matchers.containsString("Too many failed attempts. Try again in 15 minutes.")));
	}

	@Test
	void signInWithoutCsrfTokenIsRefused() throws Exception {
		mvc.perform(post("/login").param("username", "admin").param("password", "admin-password-for-tests"))
			.andExpect(status().isForbidden());
	}

	@Test
	void signInRemembersTheBrowserTimeZoneAndRecordsTheLogin() throws Exception {
		SignedInUser person = new TestUsers(context).create(Role.VIEWER);

		mvc.perform(post("/login").with(csrf()).param("username", person.getUsername())
			.param("password", TestUsers.PASSWORD).param("timeZone", "America/New_York"))
			.andExpect(redirectedUrl("/"))
			.andExpect(cookie().value("KIZUNA_LOCALE", "-/America/New_York"));

		User stored = users.findById(person.id()).orElseThrow();
		assertThat(stored.timeZone()).isEqualTo("America/New_York");
		assertThat(stored.lastLoginAt()).isNotNull();
	}

	@Test
	void aLanguageChosenOnTheSignInPageBecomesTheUsersLanguageInEveryBrowser() throws Exception {
		SignedInUser person = new TestUsers(context).create(Role.VIEWER);
		Cookie chosenJapanese = mvc.perform(post("/preferences/language").with(csrf()).param("language", "ja")
			.param("returnTo", "/login"))
			.andExpect(redirectedUrl("/login"))
			.andReturn().getResponse().getCookie("KIZUNA_LOCALE");

		mvc.perform(post("/login").with(csrf()).cookie(chosenJapanese).param("username", person.getUsername())
			.param("password", TestUsers.PASSWORD)).andExpect(redirectedUrl("/"));
		assertThat(users.findById(person.id()).orElseThrow().language()).isEqualTo("ja");

		var otherBrowser = mvc.perform(post("/login").with(csrf()).header("Accept-Language", "en")
			.param("username", person.getUsername()).param("password", TestUsers.PASSWORD))
			.andReturn();
		Cookie restored = otherBrowser.getResponse().getCookie("KIZUNA_LOCALE");
		MockHttpSession session = (MockHttpSession) otherBrowser.getRequest().getSession();
		mvc.perform(get("/").session(session).cookie(restored).header("Accept-Language", "en"))
			.andExpect(content().string(Matchers.containsString("<html lang=\"ja\">")));
	}

	@Test
	void signingOutEndsTheSession() throws Exception {
		var signIn = mvc.perform(formLogin().user("admin").password("admin-password-for-tests")).andReturn();
		MockHttpSession session = (MockHttpSession) signIn.getRequest().getSession();
		mvc.perform(get("/").session(session)).andExpect(status().isOk());

		mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));

		mvc.perform(get("/").session(session)).andExpect(status().is3xxRedirection());
	}
}
