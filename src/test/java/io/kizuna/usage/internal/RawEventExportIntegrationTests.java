package io.kizuna.usage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import com.jayway.jsonpath.JsonPath;

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

/**
 * An admin takes the raw events of some days out of Kizuna, through the API and from the sources page:
 * exactly the events of those days (in the reader's time zone), of the chosen source and type, as stored.
 */
@KizunaIntegrationTest
class RawEventExportIntegrationTests {

	private static final String ADMIN = "Bearer kz_bootstrap-token-for-tests-0123456789";

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	private String web;

	private String server;

	@BeforeEach
	void twoSourcesSendEvents() throws Exception {
		web = source("Web app", """
				{"batch": [
				  {"type": "identify", "userId": "u-1", "messageId": "e-1", "timestamp": "2026-11-19T14:59:00Z",
				   "traits": {"name": "山田 花子"}},
				  {"type": "track", "userId": "u-1", "event": "Report Exported", "messageId": "e-2",
				   "timestamp": "2026-11-19T15:00:00Z"},
				  {"type": "page", "userId": "u-1", "name": "Dashboard", "messageId": "e-3",
				   "timestamp": "2026-11-20T14:59:59Z"},
				  {"type": "track", "userId": "u-1", "event": "Invoice Sent", "messageId": "e-4",
				   "timestamp": "2026-11-20T15:00:00Z"}
				]}""");
		server = source("Back end", """
				{"batch": [{"type": "track", "userId": "u-9", "event": "Sync Ran", "messageId": "e-5",
				   "timestamp": "2026-11-20T01:00:00Z"}]}""");
	}

	private String source(String name, String batch) throws Exception {
		String created = mvc.perform(post("/api/v1/sources").header("Authorization", ADMIN)
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"" + name + "\",\"kind\":\"SERVER\"}"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		String key = JsonPath.read(created, "$.writeKey");
		mvc.perform(post("/v1/batch").contentType(MediaType.APPLICATION_JSON).content(batch)
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes())))
			.andExpect(status().isOk());
		return JsonPath.read(created, "$.id");
	}

	private static List<String> lines(String body) {
		return body.lines().toList();
	}

	@Test
	void theApiGivesOneStoredEventALineForTheDaysInTheCallersTimeZone() throws Exception {
		// 2026-11-20 in Tokyo runs from 2026-11-19T15:00Z to 2026-11-20T15:00Z (end excluded).
		String body = mvc.perform(get("/api/v1/events").header("Authorization", ADMIN)
			.param("from", "2026-11-20").param("to", "2026-11-20").param("source", web))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("application/x-ndjson"))
			.andExpect(header().string("Content-Disposition", containsString("events-2026-11-20-2026-11-20.ndjson")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

		assertThat(lines(body)).extracting(line -> (String) JsonPath.read(line, "$.messageId"))
			.containsExactly("e-2", "e-3");
		assertThat(lines(body)).allSatisfy(line -> {
			assertThat((String) JsonPath.read(line, "$.sourceId")).isEqualTo(web);
			assertThat((String) JsonPath.read(line, "$.receivedAt")).isNotBlank();
		});

		String bothDays = mvc.perform(get("/api/v1/events").header("Authorization", ADMIN)
			.param("from", "2026-11-19").param("to", "2026-11-21").param("source", web).param("type", "track"))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(lines(bothDays)).extracting(line -> (String) JsonPath.read(line, "$.event"))
			.containsExactly("Report Exported", "Invoice Sent");

		String everySource = mvc.perform(get("/api/v1/events").header("Authorization", ADMIN)
			.param("from", "2026-11-19").param("to", "2026-11-21"))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(lines(everySource)).extracting(line -> (String) JsonPath.read(line, "$.messageId"))
			.contains("e-1", "e-2", "e-3", "e-4", "e-5");
		assertThat(body).doesNotContain(server);
	}

	@Test
	void theApiRefusesDaysThatRunBackwardsAnUnknownTypeAndAnUnknownSource() throws Exception {
		mvc.perform(get("/api/v1/events").header("Authorization", ADMIN).header("Accept-Language", "en")
			.param("from", "2026-11-21").param("to", "2026-11-20"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("The last day (2026-11-20) is before the first (2026-11-21)."));
		mvc.perform(get("/api/v1/events").header("Authorization", ADMIN).header("Accept-Language", "en")
			.param("from", "2026-11-20").param("to", "2026-11-20").param("type", "batch"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("no event type \"batch\"")));
		mvc.perform(get("/api/v1/events").header("Authorization", ADMIN)
			.param("from", "2026-11-20").param("to", "2026-11-20").param("source", java.util.UUID.randomUUID().toString()))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/events").header("Authorization", ADMIN).header("Accept-Language", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("Choose the first and the last day to export."));
	}

	@Test
	void thePageLeadsToTheDownloadOrShowsWhyNotInPlace() throws Exception {
		SignedInUser admin = new TestUsers(context).create(Role.ADMIN);

		mvc.perform(get("/admin/sources").with(user(admin)).header("Accept-Language", "ja"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("生イベントのエクスポート")))
			.andExpect(content().string(containsString("保存期間は 400 日")));
		mvc.perform(get("/admin/sources/export").with(user(admin)).param("from", "2026-11-20").param("to", "2026-11-20")
			.param("source", web).param("type", ""))
			.andExpect(redirectedUrl("/admin/sources/events.ndjson?from=2026-11-20&to=2026-11-20&source=" + web));
		String file = mvc.perform(get("/admin/sources/events.ndjson").with(user(admin))
			.param("from", "2026-11-20").param("to", "2026-11-20").param("source", web))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(lines(file)).extracting(line -> (String) JsonPath.read(line, "$.messageId"))
			.containsExactly("e-2", "e-3");

		mvc.perform(get("/admin/sources/export").with(user(admin)).header("Accept-Language", "ja")
			.param("from", "2026-11-21").param("to", "11/20"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("「11/20」は 2026-11-01 のような日付ではありません。")))
			.andExpect(content().string(containsString("value=\"11/20\"")));
	}
}
