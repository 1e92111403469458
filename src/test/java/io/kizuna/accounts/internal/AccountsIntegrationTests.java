package io.kizuna.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

@KizunaIntegrationTest
class AccountsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	private static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 8);
	}

	private String apiToken(Role role) {
		TestUsers users = new TestUsers(context);
		return "Bearer " + users.tokenFor(users.create(role));
	}

	@Test
	void aCsmAddsAnAccountAndEveryoneSeesIt() throws Exception {
		TestUsers users = new TestUsers(context);
		SignedInUser csm = users.create(Role.CSM);
		String name = unique("株式会社テスト");
		String domain = unique("test") + ".co.jp";

		mvc.perform(post("/accounts").with(user(csm)).with(csrf())
			.param("name", name).param("domains", "https://www." + domain + "/")
			.param("employeeCount", "250").param("country", "JP").param("plan", "Enterprise")
			.param("stage", "ADOPTION").param("ownerCsm", csm.id().toString()).param("version", "0"))
			.andExpect(redirectedUrlPattern("/accounts/*"));

		mvc.perform(get("/accounts").with(user(users.create(Role.VIEWER))).param("q", domain)
			.header("Accept-Language", "ja"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(name)))
			.andExpect(content().string(containsString("ミッドマーケット")))
			.andExpect(content().string(containsString("活用")))
			.andExpect(content().string(containsString(csm.displayName())));
	}

	@Test
	void badInputIsExplainedAndNothingIsSaved() throws Exception {
		SignedInUser csm = new TestUsers(context).create(Role.CSM);
		long before = jdbc.sql("select count(*) from account").query(Long.class).single();

		mvc.perform(post("/accounts").with(user(csm)).with(csrf()).header("Accept-Language", "ja")
			.param("name", "").param("domains", "not a domain").param("employeeCount", "many")
			.param("country", "XX").param("stage", "ONBOARDING"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("accountForm", "name", "domains", "employeeCount", "country"))
			.andExpect(content().string(containsString("example.co.jp のようなドメイン")));

		assertThat(jdbc.sql("select count(*) from account").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void aDomainBelongsToOneAccountOnly() throws Exception {
		String token = apiToken(Role.SALES);
		String domain = unique("dup") + ".com";
		mvc.perform(post("/api/v1/accounts").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"First\",\"domains\":[\"" + domain + "\"],\"stage\":\"ONBOARDING\"}"))
			.andExpect(status().isCreated());
		mvc.perform(post("/api/v1/accounts").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Second\",\"domains\":[\"WWW." + domain.toUpperCase() + "\"],\"stage\":\"ONBOARDING\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString(domain)));
	}

	@Test
	void aStaleEditIsRefusedInsteadOfOverwritingAColleague() throws Exception {
		String token = apiToken(Role.CSM);
		String created = mvc.perform(post("/api/v1/accounts").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Versioned\",\"stage\":\"ONBOARDING\"}"))
			.andReturn().getResponse().getContentAsString();
		String id = JsonPath.read(created, "$.id");

		mvc.perform(put("/api/v1/accounts/" + id).header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Renamed by Aiko\",\"stage\":\"ADOPTION\",\"version\":1}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2));
		mvc.perform(put("/api/v1/accounts/" + id).header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Renamed by Ben\",\"stage\":\"ADOPTION\",\"version\":1}"))
			.andExpect(status().isConflict());

		SignedInUser csm = new TestUsers(context).create(Role.CSM);
		mvc.perform(post("/accounts/" + id).with(user(csm)).with(csrf())
			.param("name", "Stale form").param("stage", "RENEWAL").param("version", "1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Someone else saved this account in the meantime.")));
		mvc.perform(get("/api/v1/accounts/" + id).header("Authorization", token))
			.andExpect(jsonPath("$.name").value("Renamed by Aiko"));
	}

	@Autowired
	io.kizuna.accounts.AccountRecords records;

	@Test
	void otherSystemsFindAnAccountOnlyByTheKindsOfIdTheyMayUse() throws Exception {
		String crmId = unique("0015m");
		String domain = unique("match-") + ".example";
		String id = JsonPath.read(mvc.perform(put("/api/v1/accounts/external/salesforce/" + crmId)
			.header("Authorization", apiToken(Role.SALES)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Match\",\"stage\":\"ADOPTION\",\"domains\":[\"" + domain + "\"]}"))
			.andReturn().getResponse().getContentAsString(), "$.id");
		var all = records.resolve(java.util.List.of(crmId, domain.toUpperCase(), "nobody.example"));
		assertThat(all).containsKeys(crmId, domain.toUpperCase()).doesNotContainKey("nobody.example");
		assertThat(all.get(crmId).toString()).isEqualTo(id);
		var domainsOnly = records.resolve(java.util.List.of(crmId, domain),
				java.util.EnumSet.of(io.kizuna.accounts.AccountRecords.ExternalKey.DOMAIN));
		assertThat(domainsOnly).containsKey(domain).doesNotContainKey(crmId);
	}

	@Test
	void upsertByCrmIdIsIdempotent() throws Exception {
		String token = apiToken(Role.SALES);
		String crmId = unique("0015g");
		String body = "{\"name\":\"From Salesforce\",\"employeeCount\":5000,\"stage\":\"RENEWAL\","
				+ "\"domains\":[\"z-" + crmId + ".example.jp\",\"a-" + crmId + ".example.jp\"]}";

		String first = mvc.perform(put("/api/v1/accounts/external/salesforce/" + crmId).header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.salesforceId").value(crmId))
			.andExpect(jsonPath("$.sizeBand").value("ENTERPRISE"))
			.andReturn().getResponse().getContentAsString();
		mvc.perform(put("/api/v1/accounts/external/salesforce/" + crmId).header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value((String) JsonPath.read(first, "$.id")))
			.andExpect(jsonPath("$.version").value(1));
		mvc.perform(put("/api/v1/accounts/external/pipedrive/" + crmId).header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isNotFound());
	}

	@Test
	void theCurrentViewDownloadsAsCsvThatExcelReadsInJapanese() throws Exception {
		String token = apiToken(Role.CSM);
		String tag = unique("csv-");
		for (String name : new String[] { "株式会社" + tag + "B", tag + " A, Inc." }) {
			mvc.perform(post("/api/v1/accounts").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"" + name + "\",\"domains\":[\"" + UUID.randomUUID() + ".example.jp\"],"
						+ "\"stage\":\"RENEWAL\"}"))
				.andExpect(status().isCreated());
		}
		var response = mvc.perform(get("/accounts/export.csv").with(user(new TestUsers(context).create(Role.VIEWER)))
			.param("q", tag).param("stage", "RENEWAL").param("sort", "name").param("dir", "desc"))
			.andExpect(status().isOk())
			.andReturn().getResponse();
		response.setCharacterEncoding("UTF-8");
		String csv = response.getContentAsString();

		assertThat(response.getContentType()).startsWith("text/csv");
		assertThat(csv).startsWith("\uFEFFid,name,domains,");
		java.util.List<String> lines = csv.lines().toList();
		assertThat(lines).hasSize(3);
		assertThat(lines.get(1)).contains("株式会社" + tag + "B", "RENEWAL");
		assertThat(lines.get(2)).contains("\"" + tag + " A, Inc.\"");
	}

	@Test
	void theOwnerMustBeAnActiveCsm() throws Exception {
		SignedInUser sales = new TestUsers(context).create(Role.SALES);
		mvc.perform(post("/api/v1/accounts").header("Authorization", apiToken(Role.CSM))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Owned\",\"stage\":\"ONBOARDING\",\"ownerCsmId\":\"" + sales.id() + "\"}"))
			.andExpect(status().isUnprocessableContent());
	}

	@Test
	void onlyAnAdminDeletesAnAccountAndTheDeletionIsRecorded() throws Exception {
		String created = mvc.perform(post("/api/v1/accounts").header("Authorization", apiToken(Role.CSM))
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Short-lived\",\"stage\":\"CHURNED\"}"))
			.andReturn().getResponse().getContentAsString();
		String id = JsonPath.read(created, "$.id");

		mvc.perform(delete("/api/v1/accounts/" + id).header("Authorization", apiToken(Role.CS_MANAGER)))
			.andExpect(status().isForbidden());
		SignedInUser admin = new TestUsers(context).create(Role.ADMIN);
		mvc.perform(post("/accounts/" + id + "/delete").with(user(admin)).with(csrf()))
			.andExpect(redirectedUrlPattern("/accounts*"));

		mvc.perform(get("/api/v1/accounts/" + id).header("Authorization", apiToken(Role.VIEWER)))
			.andExpect(status().isNotFound());
		assertThat(jdbc.sql("select deleted_by from account_deletion where account_id = ?")
			.param(UUID.fromString(id)).query(UUID.class).single()).isEqualTo(admin.id().value());
	}

	@Test
	void theTableFiltersByStageAndSizeSortsAndAnswersHtmxWithTheTableOnly() throws Exception {
		String token = apiToken(Role.CSM);
		String tag = unique("zz-sort-");
		for (int employees : new int[] { 10, 5000, 300 }) {
			mvc.perform(post("/api/v1/accounts").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"" + tag + employees + "\",\"employeeCount\":" + employees
						+ ",\"stage\":\"EXPANSION\"}"))
				.andExpect(status().isCreated());
		}
		mvc.perform(get("/api/v1/accounts").header("Authorization", token).param("q", tag)
			.param("sort", "employees").param("dir", "desc"))
			.andExpect(jsonPath("$.items[*].employeeCount").value(org.hamcrest.Matchers.contains(5000, 300, 10)));
		mvc.perform(get("/api/v1/accounts").header("Authorization", token).param("q", tag).param("size", "SMB"))
			.andExpect(jsonPath("$.total").value(1));
		SignedInUser viewer = new TestUsers(context).create(Role.VIEWER);
		mvc.perform(get("/accounts").with(user(viewer)).header("HX-Request", "true").param("q", tag)
			.param("stage", "EXPANSION").param("owner", "").param("size", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("3 in total")))
			.andExpect(content().string(not(containsString("<header"))))
			.andExpect(content().string(containsString("sort=employees&amp;dir=asc")))
			.andExpect(content().string(containsString("/accounts/export.csv?q=" + tag + "&amp;stage=EXPANSION")));
	}

	@Test
	void everyEditIsRecordedWithWhoAndWhatChanged() throws Exception {
		String token = apiToken(Role.CSM);
		String name = unique("History ");
		String created = mvc.perform(post("/api/v1/accounts").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"" + name + "\",\"stage\":\"ONBOARDING\"}"))
			.andReturn().getResponse().getContentAsString();
		String id = JsonPath.read(created, "$.id");
		mvc.perform(put("/api/v1/accounts/" + id).header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"" + name + "\",\"stage\":\"ADOPTION\",\"plan\":\"Enterprise\",\"version\":1}"))
			.andExpect(status().isOk());
		// Saving the same data again is not a change.
		mvc.perform(put("/api/v1/accounts/" + id).header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"" + name + "\",\"stage\":\"ADOPTION\",\"plan\":\"Enterprise\",\"version\":2}"))
			.andExpect(jsonPath("$.version").value(2));

		assertThat(jdbc.sql("select count(distinct change_set) from account_change where account_id = ?")
			.param(UUID.fromString(id)).query(Long.class).single()).isEqualTo(2);
		String page = mvc.perform(get("/accounts/" + id).with(user(new TestUsers(context).create(Role.VIEWER)))
			.header("Accept-Language", "ja")).andReturn().getResponse().getContentAsString();
		org.jsoup.nodes.Element history = org.jsoup.Jsoup.parse(page).getElementById("history");
		assertThat(history.select("ol.history > li")).hasSize(2);
		String latest = history.select("ol.history > li").first().text();
		assertThat(latest).contains("が変更", "ステージ", "導入支援", "活用", "プラン", "– → Enterprise");
		assertThat(history.select("ol.history > li").last().text()).contains("が作成");
	}
}
