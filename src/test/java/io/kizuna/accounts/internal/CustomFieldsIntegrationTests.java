package io.kizuna.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import io.kizuna.identity.Role;
import io.kizuna.identity.SignedInUser;
import io.kizuna.identity.internal.TestUsers;
import io.kizuna.support.KizunaIntegrationTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

@KizunaIntegrationTest
class CustomFieldsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	private SignedInUser admin;

	private SignedInUser csm;

	private String tier;

	private String committed;

	@BeforeEach
	void defineFields() throws Exception {
		TestUsers users = new TestUsers(context);
		admin = users.create(Role.ADMIN);
		csm = users.create(Role.CSM);
		String suffix = UUID.randomUUID().toString().substring(0, 6).replace('-', '_');
		tier = "tier_" + suffix;
		committed = "committed_" + suffix;
		mvc.perform(post("/admin/custom-fields").with(user(admin)).with(csrf()).param("key", tier)
			.param("label", "Tier " + suffix).param("labelJa", "ランク " + suffix).param("type", "CHOICE")
			.param("choices", "Gold\nSilver\n"))
			.andExpect(redirectedUrl("/admin/custom-fields"));
		mvc.perform(post("/admin/custom-fields").with(user(admin)).with(csrf()).param("key", committed)
			.param("label", "Committed seats " + suffix).param("type", "NUMBER"))
			.andExpect(redirectedUrl("/admin/custom-fields"));
	}

	@Test
	void badDefinitionsAreExplained() throws Exception {
		mvc.perform(post("/admin/custom-fields").with(user(admin)).with(csrf()).header("Accept-Language", "ja")
			.param("key", "Bad Key").param("label", "").param("type", "CHOICE").param("choices", " "))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("customFieldForm", "key", "label", "choices"))
			.andExpect(content().string(containsString("英小文字")));
		mvc.perform(post("/admin/custom-fields").with(user(admin)).with(csrf()).param("key", tier)
			.param("label", "Again").param("type", "TEXT"))
			.andExpect(model().attributeHasFieldErrors("customFieldForm", "key"));
	}

	@Test
	void customFieldsAppearOnTheFormsThePageTheFiltersTheExportAndTheApi() throws Exception {
		String name = "Custom " + tier;
		mvc.perform(get("/accounts/new").with(user(csm)).header("Accept-Language", "ja"))
			.andExpect(content().string(containsString("name=\"custom[" + tier + "]\"")))
			.andExpect(content().string(containsString("ランク")));
		mvc.perform(post("/accounts").with(user(csm)).with(csrf()).param("name", name).param("stage", "ONBOARDING")
			.param("custom[" + tier + "]", "Gold").param("custom[" + committed + "]", "many"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Enter a number")));
		mvc.perform(post("/accounts").with(user(csm)).with(csrf()).param("name", name).param("stage", "ONBOARDING")
			.param("custom[" + tier + "]", "gold").param("custom[" + committed + "]", "1,200"))
			.andExpect(redirectedUrlPattern("/accounts/*"));

		String token = "Bearer " + new TestUsers(context).tokenFor(csm);
		String list = mvc.perform(get("/api/v1/accounts").param("q", name).header("Authorization", token))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].customFields." + tier).value("Gold"))
			.andExpect(jsonPath("$.items[0].customFields." + committed).value("1200"))
			.andReturn().getResponse().getContentAsString();
		String id = JsonPath.read(list, "$.items[0].id");
		mvc.perform(get("/accounts/" + id).with(user(csm)))
			.andExpect(content().string(containsString("Tier ")))
			.andExpect(content().string(containsString("1200")));

		mvc.perform(post("/api/v1/accounts").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"%s silver\",\"stage\":\"ADOPTION\",\"customFields\":{\"%s\":\"Silver\",\"%s\":50}}"
				.formatted(name, tier, committed)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.customFields." + committed).value("50"));
		mvc.perform(post("/api/v1/accounts").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"%s bronze\",\"stage\":\"ADOPTION\",\"customFields\":{\"%s\":\"Bronze\"}}"
				.formatted(name, tier)))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.detail").value(containsString("Bronze")));

		mvc.perform(get("/api/v1/accounts").param("q", name).param("cf." + tier, "Gold").header("Authorization", token))
			.andExpect(jsonPath("$.total").value(1));
		mvc.perform(get("/api/v1/accounts").param("q", name).param("cf." + committed, "50").header("Authorization", token))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].name").value(name + " silver"));
		String page = mvc.perform(get("/accounts").param("q", name).param("cf." + tier, "Silver").with(user(csm)))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("name=\"cf." + tier + "\"", name + " silver").doesNotContain(">" + name + "<");
		String csv = mvc.perform(get("/accounts/export.csv").param("q", name).with(user(csm)))
			.andReturn().getResponse().getContentAsString();
		assertThat(csv).contains("cf." + tier, "Gold", "Silver");
	}

	@Test
	void anImportRecognisesACustomFieldByItsLabelAndChecksItsValues() throws Exception {
		String token = "Bearer " + new TestUsers(context).tokenFor(csm);
		String label = "Tier " + tier.substring(5);
		String csv = "Account Name,Website,%s\nImported %s,imp-%s.example.jp,Silver\nBad %s,bad-%s.example.jp,Platinum\n"
			.formatted(label, tier, tier.replace('_', '-'), tier, tier.replace('_', '-'));
		String upload = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/v1/imports")
			.file(new org.springframework.mock.web.MockMultipartFile("file", "a.csv", "text/csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
			.param("kind", "accounts").header("Authorization", token))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.suggestedMapping[2]").value("cf." + tier))
			.andReturn().getResponse().getContentAsString();
		String job = JsonPath.read(upload, "$.id");
		mvc.perform(post("/api/v1/imports/" + job + "/check").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON).content("{\"mapping\":[\"name\",\"domains\",\"cf.%s\"]}".formatted(tier)))
			.andExpect(jsonPath("$.valid").value(1))
			.andExpect(jsonPath("$.problems[0].line").value(3))
			.andExpect(jsonPath("$.problems[0].reason").value(containsString("Platinum")));
	}
}
