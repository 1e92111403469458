package io.kizuna.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.kizuna.identity.Role;
import io.kizuna.identity.SignedInUser;
import io.kizuna.support.KizunaIntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

@KizunaIntegrationTest
class ApiTokenIntegrationTests {

	static final String BOOTSTRAP_TOKEN = "kz_bootstrap-token-for-tests-0123456789";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Test
	void theBootstrapTokenFromTheEnvironmentActsAsTheAdmin() throws Exception {
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + BOOTSTRAP_TOKEN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value("admin"))
			.andExpect(jsonPath("$.roles", hasItem("ADMIN")));
	}

	@Test
	void aTokenCreatedThroughTheApiWorksIsShownOnceStoredHashedAndStopsWhenRevoked() throws Exception {
		SignedInUser owner = new TestUsers(context).create(Role.CSM);
		String ownerToken = new TestUsers(context).tokenFor(owner);

		String created = mvc
			.perform(post("/api/v1/tokens").header("Authorization", "Bearer " + ownerToken)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"CRM sync\",\"expiresInDays\":30}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.token", startsWith("kz_")))
			.andReturn().getResponse().getContentAsString();
		String secret = JsonPath.read(created, "$.token");
		String id = JsonPath.read(created, "$.id");

		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value(owner.getUsername()));
		mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + secret))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].name", hasItem("CRM sync")))
			.andExpect(content().string(not(org.hamcrest.Matchers.containsString(secret))));
		String stored = jdbc.sql("select token_hash from api_token where id = ?")
			.param(java.util.UUID.fromString(id))
			.query(String.class)
			.single();
		assertThat(stored).isNotEqualTo(secret).hasSize(64).doesNotContain(secret.substring(3, 20));

		mvc.perform(delete("/api/v1/tokens/" + id).header("Authorization", "Bearer " + ownerToken))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void nobodyRevokesAnotherPersonsToken() throws Exception {
		TestUsers users = new TestUsers(context);
		SignedInUser alice = users.create(Role.CSM);
		SignedInUser mallory = users.create(Role.ADMIN);
		String aliceToken = users.tokenFor(alice);
		String id = jdbc.sql("select id from api_token where user_id = ?").param(alice.id().value())
			.query(String.class).single();

		mvc.perform(delete("/api/v1/tokens/" + id).header("Authorization", "Bearer " + users.tokenFor(mallory)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + aliceToken)).andExpect(status().isOk());
	}

	@Test
	void aDeactivatedOwnersTokensStopWorking() throws Exception {
		TestUsers users = new TestUsers(context);
		SignedInUser leaver = users.create(Role.SALES);
		String token = users.tokenFor(leaver);
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());

		mvc.perform(post("/api/v1/users/" + leaver.id() + "/deactivate")
			.header("Authorization", "Bearer " + BOOTSTRAP_TOKEN)).andExpect(status().isOk());

		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void aTokenLosesARoleAtOnceWhenItsOwnerDoes() throws Exception {
		TestUsers users = new TestUsers(context);
		SignedInUser secondAdmin = users.create(Role.ADMIN);
		String token = users.tokenFor(secondAdmin);
		mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + token)).andExpect(status().isOk());

		mvc.perform(put("/api/v1/users/" + secondAdmin.id() + "/roles")
			.header("Authorization", "Bearer " + BOOTSTRAP_TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"roles\":[\"VIEWER\"]}")).andExpect(status().isOk());

		mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + token)).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.roles", not(hasItem("ADMIN"))));
	}

	@Test
	void theTokenPageShowsTheSecretOnceAndListsTokensWithoutIt() throws Exception {
		SignedInUser owner = new TestUsers(context).create(Role.VIEWER);

		var created = mvc.perform(post("/profile/tokens").param("name", "Reporting").param("expiresInDays", "")
			.with(user(owner)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attributeExists("issuedSecret"))
			.andReturn();
		String secret = (String) created.getFlashMap().get("issuedSecret");

		mvc.perform(get("/profile/tokens").with(user(owner)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Reporting")))
			.andExpect(content().string(not(org.hamcrest.Matchers.containsString(secret))));
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret)).andExpect(status().isOk());
	}

	@Test
	void aTokenWithoutANameIsRefusedOnThePage() throws Exception {
		SignedInUser owner = new TestUsers(context).create(Role.VIEWER);
		mvc.perform(post("/profile/tokens").param("name", " ").with(user(owner)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("field-error")));
	}
}
