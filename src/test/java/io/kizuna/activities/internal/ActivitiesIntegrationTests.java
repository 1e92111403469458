package io.kizuna.activities.internal;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.kizuna.identity.Role;
import io.kizuna.identity.SignedInUser;
import io.kizuna.identity.internal.TestUsers;
import io.kizuna.support.KizunaIntegrationTest;
import io.kizuna.support.TestAccounts;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

@KizunaIntegrationTest
class ActivitiesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Test
	void anyoneWhoSeesTheAccountLogsAnActivityOnItsPage() throws Exception {
		String account = new TestAccounts(mvc, context).create();
		SignedInUser viewer = new TestUsers(context).create(Role.VIEWER);
		mvc.perform(post("/accounts/" + account + "/activities").with(user(viewer)).with(csrf())
			.header("HX-Request", "true").header("Accept-Language", "ja")
			.param("kind", "CHECK_IN").param("occurredAt", "2026-11-20T15:00")
			.param("subject", "11月の定例会議").param("participants", "田中様, 佐藤")
			.param("outcome", "利用率が向上。\n管理者向けトレーニングを希望。").param("nextSteps", "12月にトレーニング実施"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("11月の定例会議")))
			.andExpect(content().string(containsString("定例会議")))
			.andExpect(content().string(containsString("管理者向けトレーニングを希望")))
			// Entered in Tokyo time and shown back in it.
			.andExpect(content().string(containsString("15:00")));
	}

	@Test
	void badInputKeepsWhatWasTypedAndSaysWhy() throws Exception {
		String account = new TestAccounts(mvc, context).create();
		SignedInUser csm = new TestUsers(context).create(Role.CSM);
		mvc.perform(post("/accounts/" + account + "/activities").with(user(csm)).with(csrf())
			.header("HX-Request", "true").param("kind", "CALL").param("occurredAt", "")
			.param("subject", "").param("outcome", "Kept text"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("activityForm", "subject", "occurredAt"))
			.andExpect(content().string(containsString("Kept text")))
			.andExpect(content().string(not(containsString("must not be null"))))
			.andExpect(content().string(containsString("No activities yet")));
	}

	@Test
	void theApiListsFiltersAndOnlyTheAuthorOrAnAdminChangesOrDeletes() throws Exception {
		TestAccounts accounts = new TestAccounts(mvc, context);
		String account = accounts.create();
		String created = mvc.perform(post("/api/v1/activities").header("Authorization", accounts.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"accountId":"%s","kind":"QBR","occurredAt":"2026-10-01T01:00:00Z","subject":"Q3 business review",
					 "participants":"CFO, CSM","outcome":"Renewal likely","nextSteps":"Send proposal"}""".formatted(account)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.editable").value(true))
			.andReturn().getResponse().getContentAsString();
		String id = JsonPath.read(created, "$.id");
		mvc.perform(post("/api/v1/activities").header("Authorization", accounts.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"accountId\":\"%s\",\"kind\":\"NOTE\",\"occurredAt\":\"2026-10-02T01:00:00Z\",\"subject\":\"Memo\"}"
				.formatted(account)))
			.andExpect(status().isCreated());

		mvc.perform(get("/api/v1/activities").param("account", account).param("kind", "QBR")
			.header("Authorization", accounts.token()))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].subject").value("Q3 business review"));
		mvc.perform(post("/api/v1/activities").header("Authorization", accounts.token())
			.contentType(MediaType.APPLICATION_JSON).content("{\"accountId\":\"%s\",\"kind\":\"NOTE\"}".formatted(account)))
			.andExpect(status().isBadRequest());

		TestUsers users = new TestUsers(context);
		String colleague = "Bearer " + users.tokenFor(users.create(Role.CS_MANAGER));
		String change = "{\"accountId\":\"%s\",\"kind\":\"QBR\",\"occurredAt\":\"2026-10-01T01:00:00Z\",\"subject\":\"Edited\"}"
			.formatted(account);
		mvc.perform(put("/api/v1/activities/" + id).header("Authorization", colleague)
			.contentType(MediaType.APPLICATION_JSON).content(change))
			.andExpect(status().isForbidden());
		mvc.perform(delete("/api/v1/activities/" + id).header("Authorization", colleague))
			.andExpect(status().isForbidden());
		mvc.perform(put("/api/v1/activities/" + id).header("Authorization", accounts.token())
			.contentType(MediaType.APPLICATION_JSON).content(change))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.subject").value("Edited"))
			.andExpect(jsonPath("$.version").value(2));
		String admin = "Bearer " + users.tokenFor(users.create(Role.ADMIN));
		mvc.perform(delete("/api/v1/activities/" + id).header("Authorization", admin))
			.andExpect(status().isNoContent());
		mvc.perform(get("/accounts/" + account + "/activities").with(user(users.create(Role.VIEWER))))
			.andExpect(content().string(containsString("Memo")))
			.andExpect(content().string(not(containsString("Edited"))));
	}
}
