package io.kizuna.web.internal;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;

import jakarta.servlet.http.Cookie;

import io.kizuna.identity.Role;
import io.kizuna.identity.SignedInUser;
import io.kizuna.identity.internal.TestUsers;
import io.kizuna.support.KizunaIntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

@KizunaIntegrationTest
class WebShellIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Test
	void theShellFollowsTheBrowserLanguage() throws Exception {
		SignedInUser viewer = new TestUsers(context).create(Role.VIEWER);
		mvc.perform(get("/").with(user(viewer)).header("Accept-Language", "ja-JP,ja;q=0.9,en;q=0.8"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<html lang=\"ja\">")))
			.andExpect(content().string(containsString(">顧客</a>")))
			.andExpect(content().string(containsString("ようこそ、" + viewer.displayName() + " さん")));
		mvc.perform(get("/").with(user(viewer)).header("Accept-Language", "fr-FR,de"))
			.andExpect(content().string(containsString("<html lang=\"en\">")))
			.andExpect(content().string(containsString(">Accounts</a>")));
	}

	@Test
	void theNavigationShowsOnlyTheAreasTheRoleOpens() throws Exception {
		SignedInUser support = new TestUsers(context).create(Role.SUPPORT_AGENT);
		mvc.perform(get("/").with(user(support)).header("Accept-Language", "en"))
			.andExpect(content().string(containsString("href=\"/support\"")))
			.andExpect(content().string(not(containsString("href=\"/sales\""))))
			.andExpect(content().string(not(containsString("href=\"/admin\""))));
		SignedInUser manager = new TestUsers(context).create(Role.CS_MANAGER);
		mvc.perform(get("/").with(user(manager)))
			.andExpect(content().string(containsString("href=\"/success\"")))
			.andExpect(content().string(containsString("href=\"/guides\"")))
			.andExpect(content().string(not(containsString("href=\"/support\""))));
	}

	@Test
	void areasNotBuiltYetSayComingSoonAndMarkTheCurrentEntry() throws Exception {
		SignedInUser csm = new TestUsers(context).create(Role.CSM);
		mvc.perform(get("/guides").with(user(csm)).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This area is coming soon.")))
			.andExpect(content().string(containsString("href=\"/guides\" aria-current=\"page\"")));
	}

	@Test
	void switchingLanguageIsRememberedAndReturnsToTheSamePage() throws Exception {
		SignedInUser viewer = new TestUsers(context).create(Role.VIEWER);
		Cookie cookie = mvc.perform(post("/preferences/language").with(user(viewer)).with(csrf())
			.param("language", "ja").param("returnTo", "/analytics"))
			.andExpect(redirectedUrl("/analytics"))
			.andReturn().getResponse().getCookie("KIZUNA_LOCALE");

		mvc.perform(get("/analytics").with(user(viewer)).cookie(cookie).header("Accept-Language", "en"))
			.andExpect(content().string(containsString("<html lang=\"ja\">")));
	}

	@Test
	void theLanguageSwitchNeverRedirectsOffSite() throws Exception {
		mvc.perform(post("/preferences/language").with(csrf()).param("language", "en")
			.param("returnTo", "//evil.example/x")).andExpect(redirectedUrl("/"));
		mvc.perform(post("/preferences/language").with(csrf()).param("language", "en")
			.param("returnTo", "https://evil.example/")).andExpect(redirectedUrl("/"));
	}

	@Test
	void datesAreShownInTheUsersTimeZone() throws Exception {
		DateDisplay dates = context.getBean(DateDisplay.class);
		Instant instant = Instant.parse("2026-11-23T23:30:00Z");
		org.springframework.context.i18n.LocaleContextHolder.setLocaleContext(
				new org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext(java.util.Locale.JAPANESE,
						java.util.TimeZone.getTimeZone("Asia/Tokyo")));
		try {
			org.assertj.core.api.Assertions.assertThat(dates.dateTime(instant)).isEqualTo("2026/11/24 8:30");
			org.springframework.context.i18n.LocaleContextHolder.setLocaleContext(
					new org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext(java.util.Locale.ENGLISH,
							java.util.TimeZone.getTimeZone("America/New_York")));
			org.assertj.core.api.Assertions.assertThat(dates.dateTime(instant)).contains("Nov 23, 2026").contains("6:30");
		}
		finally {
			org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
		}
	}

	@Test
	void theProfileTimeZoneChangesHowPagesShowTime() throws Exception {
		SignedInUser viewer = new TestUsers(context).create(Role.VIEWER);
		Cookie cookie = mvc.perform(post("/profile").with(user(viewer)).with(csrf())
			.param("displayName", "Viewer").param("email", "").param("timeZone", "Europe/London"))
			.andExpect(redirectedUrl("/profile"))
			.andReturn().getResponse().getCookie("KIZUNA_LOCALE");
		mvc.perform(get("/").with(user(viewer)).cookie(cookie).header("Accept-Language", "en"))
			.andExpect(content().string(containsString("Times are shown in Europe/London")));
		mvc.perform(post("/profile").with(user(viewer)).with(csrf())
			.param("displayName", "Viewer").param("timeZone", "Mars/Olympus"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Choose a time zone from the list.")));
	}
}
