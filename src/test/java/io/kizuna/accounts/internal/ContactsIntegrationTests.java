package io.kizuna.accounts.internal;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import io.kizuna.identity.Role;
import io.kizuna.identity.SignedInUser;
import io.kizuna.identity.internal.TestUsers;
import io.kizuna.support.KizunaIntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

@KizunaIntegrationTest
class ContactsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	private String token;

	private String newAccount() throws Exception {
		TestUsers users = new TestUsers(context);
		token = "Bearer " + users.tokenFor(users.create(Role.CSM));
		String created = mvc.perform(post("/api/v1/accounts").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"With people\",\"stage\":\"ONBOARDING\"}"))
			.andReturn().getResponse().getContentAsString();
		return JsonPath.read(created, "$.id");
	}

	@Test
	void contactsAreAddedOnTheAccountPageAndShownToEveryone() throws Exception {
		String account = newAccount();
		SignedInUser sales = new TestUsers(context).create(Role.SALES);
		String email = "tanaka" + UUID.randomUUID().toString().substring(0, 6) + "@example.jp";

		mvc.perform(post("/accounts/" + account + "/contacts").with(user(sales)).with(csrf())
			.param("name", "田中 一郎").param("title", "情報システム部長").param("email", email)
			.param("phone", "+81 3-1234-5678").param("role", "DECISION_MAKER").param("language", "ja"))
			.andExpect(redirectedUrlPattern("/accounts/*"));

		mvc.perform(get("/accounts/" + account).with(user(new TestUsers(context).create(Role.VIEWER)))
			.header("Accept-Language", "ja"))
			.andExpect(content().string(containsString("田中 一郎")))
			.andExpect(content().string(containsString("決裁者")))
			.andExpect(content().string(containsString(email)));
		mvc.perform(get("/api/v1/accounts/" + account + "/contacts").header("Authorization", token))
			.andExpect(jsonPath("$[0].name").value("田中 一郎"))
			.andExpect(jsonPath("$[0].accountId").value(account));
	}

	@Test
	void badContactInputIsExplainedOnTheAccountPage() throws Exception {
		String account = newAccount();
		SignedInUser csm = new TestUsers(context).create(Role.CSM);
		mvc.perform(post("/accounts/" + account + "/contacts").with(user(csm)).with(csrf())
			.header("Accept-Language", "ja").param("name", "").param("email", "nope").param("phone", "call me")
			.param("role", "CHAMPION"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("contactForm", "name", "email", "phone"))
			.andExpect(content().string(containsString("数字・スペース")));
	}

	@Test
	void anEmailBelongsToOneContactAndRemovalWorks() throws Exception {
		String account = newAccount();
		String email = "dup" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
		String body = "{\"name\":\"Sam\",\"email\":\"" + email + "\",\"role\":\"CHAMPION\"}";
		String created = mvc.perform(post("/api/v1/accounts/" + account + "/contacts").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		mvc.perform(post("/api/v1/accounts/" + account + "/contacts").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON).content(body.replace(email, email.toUpperCase())))
			.andExpect(status().isConflict());

		String id = JsonPath.read(created, "$.id");
		mvc.perform(delete("/api/v1/accounts/" + account + "/contacts/" + id).header("Authorization", token))
			.andExpect(status().isNoContent());
		mvc.perform(delete("/api/v1/accounts/" + account + "/contacts/" + id).header("Authorization", token))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/accounts/" + UUID.randomUUID() + "/contacts").header("Authorization", token))
			.andExpect(status().isNotFound());
	}
}
