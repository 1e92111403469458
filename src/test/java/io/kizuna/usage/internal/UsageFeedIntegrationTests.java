package io.kizuna.usage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import io.kizuna.support.KizunaIntegrationTest;
import io.kizuna.support.TestAccounts;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Events land on the right account: a group call whose id is an account's domain ties its users to that
 * account; an unknown group is kept and listed, then mapped by hand or matched when its account appears.
 */
@KizunaIntegrationTest
class UsageFeedIntegrationTests {

	private static final String ADMIN = "Bearer kz_bootstrap-token-for-tests-0123456789";

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	UsageFeed feed;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void groupedUsersLandOnTheirAccountAndUnknownGroupsWaitToBeMapped() throws Exception {
		TestAccounts accounts = new TestAccounts(mvc, context);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String acme = account(accounts, "Acme " + tag, "acme-" + tag + ".example");
		String created = source("App " + tag, "SERVER");
		String source = JsonPath.read(created, "$.id");
		String key = JsonPath.read(created, "$.writeKey");
		String batch = """
				{"batch":[
				 {"type":"identify","userId":"u1-%1$s","traits":{"email":"Hanako@acme.example","name":"山田 花子"}},
				 {"type":"group","userId":"u1-%1$s","groupId":"acme-%1$s.example","traits":{"name":"Acme"}},
				 {"type":"track","userId":"u1-%1$s","event":"Report Exported"},
				 {"type":"group","userId":"u2-%1$s","groupId":"beta-%1$s.example","traits":{"name":"Beta 株式会社"}},
				 {"type":"track","userId":"u2-%1$s","event":"Signed In"},
				 {"type":"group","userId":"u3-%1$s","groupId":"gamma-%1$s.example"}]}""".formatted(tag);
		mvc.perform(post("/v1/batch").contentType(MediaType.APPLICATION_JSON)
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8)))
			.content(batch))
			.andExpect(status().isOk());

		feed.catchUp();

		assertThat(userAccount(source, "u1-" + tag)).isEqualTo(acme);
		assertThat(jdbc.queryForObject("select name from usage_user where source_id = ? and user_id = ?", String.class,
				UUID.fromString(source), "u1-" + tag)).isEqualTo("山田 花子");
		assertThat(jdbc.queryForObject("select events from usage_group where source_id = ? and group_id = ?", Long.class,
				UUID.fromString(source), "acme-" + tag + ".example")).isEqualTo(2L);
		assertThat(userAccount(source, "u2-" + tag)).isNull();
		// The account's usage: identify and group say who, only the track call counts as use.
		mvc.perform(get("/api/v1/accounts/" + acme + "/usage").header("Authorization", accounts.token()))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.events").value(1))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.dailyActive").value(1))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.monthlyActive").value(1))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.days.length()").value(30))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.topEvents[0].event")
				.value("Report Exported"));
		mvc.perform(get("/accounts/" + acme + "/usage")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
					new io.kizuna.identity.internal.TestUsers(context).create(io.kizuna.identity.Role.VIEWER)))
			.header("Accept-Language", "ja"))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.stringContainsInOrder("製品の利用状況", "30 日間のアクティブユーザー", "Report Exported")));
		// Features: the admin sees the unmapped event, counts it as a feature, and the account page shows its use.
		var featureAdmin = new io.kizuna.identity.internal.TestUsers(context).create(io.kizuna.identity.Role.ADMIN);
		mvc.perform(get("/admin/features").with(org.springframework.security.test.web.servlet.request
			.SecurityMockMvcRequestPostProcessors.user(featureAdmin)))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("Report Exported")));
		mvc.perform(put("/api/v1/usage/features/Report Exported").header("Authorization", ADMIN)
			.contentType(MediaType.APPLICATION_JSON).content("{\"feature\":\"Reports " + tag + "\",\"group\":\"Analytics\"}"))
			.andExpect(status().isOk());
		mvc.perform(put("/api/v1/usage/features/Never Sent " + tag).header("Authorization", ADMIN)
			.contentType(MediaType.APPLICATION_JSON).content("{\"feature\":\"Unused " + tag + "\"}"))
			.andExpect(status().isOk());
		mvc.perform(put("/api/v1/usage/features/x").header("Authorization", ADMIN)
			.contentType(MediaType.APPLICATION_JSON).content("{\"feature\":\" \"}"))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/accounts/" + acme + "/usage").header("Authorization", accounts.token()))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
				.jsonPath("$.features[?(@.feature == 'Reports " + tag + "')].events").value(org.hamcrest.Matchers.contains(1)))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.neverUsed")
				.value(org.hamcrest.Matchers.hasItem("Unused " + tag)));
		mvc.perform(get("/api/v1/usage").header("Authorization", accounts.token()))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.activeAccounts")
				.value(org.hamcrest.Matchers.greaterThanOrEqualTo(1)))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
				.jsonPath("$.adoption[?(@.feature == 'Reports " + tag + "')].accounts")
				.value(org.hamcrest.Matchers.contains(org.hamcrest.Matchers.greaterThanOrEqualTo(1))))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.days.length()").value(30));
		mvc.perform(get("/analytics/usage").with(org.springframework.security.test.web.servlet.request
			.SecurityMockMvcRequestPostProcessors.user(featureAdmin)).header("Accept-Language", "ja"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.stringContainsInOrder("全顧客の製品利用状況", "機能の普及", "Reports " + tag)));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.delete("/api/v1/usage/features/Never Sent " + tag).header("Authorization", ADMIN))
			.andExpect(status().isNoContent());
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.delete("/api/v1/usage/features/Never Sent " + tag).header("Authorization", ADMIN))
			.andExpect(status().isNotFound());

		String unmatched = mvc.perform(get("/api/v1/usage/groups/unmatched").header("Authorization", accounts.token()))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		List<String> names = JsonPath.read(unmatched, "$[?(@.sourceId == '" + source + "')].name");
		assertThat(names).contains("Beta 株式会社").doesNotContain("Acme");

		// An admin maps Beta by hand; gamma's account arrives later and is matched by its domain.
		String beta = account(accounts, "Beta " + tag, "beta-corp-" + tag + ".example");
		mvc.perform(put("/api/v1/usage/groups/" + source + "/beta-" + tag + ".example")
			.header("Authorization", accounts.token()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"accountId\":\"" + beta + "\"}"))
			.andExpect(status().isOk());
		assertThat(userAccount(source, "u2-" + tag)).isEqualTo(beta);
		// What Beta did before it was mapped was kept for it, and now counts for its account.
		mvc.perform(get("/api/v1/accounts/" + beta + "/usage").header("Authorization", accounts.token()))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.events").value(1))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.topEvents[0].event")
				.value("Signed In"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.monthlyActive").value(1));
		assertThat(jdbc.queryForObject("select count(*) from usage_pending_daily where source_id = ?", Long.class,
				UUID.fromString(source))).isZero();
		// On the admin page the unmatched company is listed, and mapping it to an unknown account is refused.
		var admin = new io.kizuna.identity.internal.TestUsers(context).create(io.kizuna.identity.Role.ADMIN);
		mvc.perform(get("/admin/sources").with(org.springframework.security.test.web.servlet.request
			.SecurityMockMvcRequestPostProcessors.user(admin)).header("Accept-Language", "ja"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.stringContainsInOrder("顧客と結び付いていない会社", "gamma-" + tag + ".example")));
		mvc.perform(post("/admin/sources/groups/map").with(org.springframework.security.test.web.servlet.request
			.SecurityMockMvcRequestPostProcessors.user(admin)).with(org.springframework.security.test.web.servlet.request
				.SecurityMockMvcRequestPostProcessors.csrf())
			.param("sourceId", source).param("groupId", "gamma-" + tag + ".example").param("account", "nowhere.example"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("failure", "usage.group.accountUnknown"));
		String gamma = account(accounts, "Gamma " + tag, "gamma-" + tag + ".example");
		await().atMost(Duration.ofSeconds(10)).until(() -> gamma.equals(userAccount(source, "u3-" + tag)));

		mvc.perform(put("/api/v1/usage/groups/" + source + "/nobody.example").header("Authorization", accounts.token())
			.contentType(MediaType.APPLICATION_JSON).content("{\"accountId\":\"" + beta + "\"}"))
			.andExpect(status().isNotFound());
	}

	@Test
	void eachEventCountsOnceHoweverOftenTheFeedRuns() throws Exception {
		String created = source("Count", "SERVER");
		String source = JsonPath.read(created, "$.id");
		String key = JsonPath.read(created, "$.writeKey");
		for (int i = 0; i < 3; i++) {
			mvc.perform(post("/v1/track").contentType(MediaType.TEXT_PLAIN)
				.content("{\"writeKey\":\"" + key + "\",\"userId\":\"counted\",\"event\":\"Clicked\"}"))
				.andExpect(status().isOk());
			feed.catchUp();
			feed.catchUp();
		}
		assertThat(jdbc.queryForObject("select events from usage_user where source_id = ? and user_id = 'counted'",
				Long.class, UUID.fromString(source))).isEqualTo(3L);
		mvc.perform(get("/api/v1/accounts/" + UUID.randomUUID() + "/usage").header("Authorization", ADMIN))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/accounts/" + UUID.randomUUID() + "/usage?days=0").header("Authorization", ADMIN))
			.andExpect(status().isBadRequest());
	}

	@Test
	void whatAWindowHeldIsReadAgainAfterACrashAndCountsOnce() throws Exception {
		TestAccounts accounts = new TestAccounts(mvc, context);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String acme = account(accounts, "Window " + tag, "window-" + tag + ".example");
		String key = JsonPath.read(source("Win " + tag, "SERVER"), "$.writeKey");
		java.time.Duration interval = (java.time.Duration) org.springframework.test.util.ReflectionTestUtils.getField(feed,
				"flushInterval");
		// Counts wait in the window; only a catch-up (or a due flush) writes them with the log position.
		org.springframework.test.util.ReflectionTestUtils.setField(feed, "flushInterval", java.time.Duration.ofHours(1));
		try {
			feed.catchUp();
			mvc.perform(post("/v1/batch").contentType(MediaType.APPLICATION_JSON)
				.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8)))
				.content("""
						{"batch":[{"type":"group","userId":"w-%1$s","groupId":"window-%1$s.example"},
						 {"type":"track","userId":"w-%1$s","event":"Signed In"},{"type":"track","userId":"w-%1$s","event":"Signed In"},
						 {"type":"track","userId":"w-%1$s","event":"Report Exported"}]}""".formatted(tag)))
				.andExpect(status().isOk());
			feed.poll();
			// Who was active is written at once, for health; how often waits for the window.
			assertThat(jdbc.queryForObject("select count(*) from usage_daily_user where account_id = ?", Long.class,
					UUID.fromString(acme))).isEqualTo(1L);
			assertThat(jdbc.queryForObject("select coalesce(sum(events), 0) from usage_daily where account_id = ?", Long.class,
					UUID.fromString(acme))).isZero();

			feed.loseWindow();
			feed.catchUp();

			assertThat(jdbc.queryForObject("select sum(events) from usage_daily where account_id = ?", Long.class,
					UUID.fromString(acme))).isEqualTo(3L);
			assertThat(jdbc.queryForObject("select events from usage_daily_user where account_id = ?", Long.class,
					UUID.fromString(acme))).isEqualTo(3L);
			assertThat(jdbc.queryForObject("select events from usage_user where user_id = ?", Long.class, "w-" + tag))
				.isEqualTo(4L);
			feed.catchUp();
			assertThat(jdbc.queryForObject("select sum(events) from usage_daily where account_id = ?", Long.class,
					UUID.fromString(acme))).isEqualTo(3L);
		}
		finally {
			org.springframework.test.util.ReflectionTestUtils.setField(feed, "flushInterval", interval);
		}
	}

	@Test
	void windowsWrittenWhileReadingGoesOnCountEveryEventOnce() throws Exception {
		TestAccounts accounts = new TestAccounts(mvc, context);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String acme = account(accounts, "Rolling " + tag, "rolling-" + tag + ".example");
		String key = JsonPath.read(source("Roll " + tag, "SERVER"), "$.writeKey");
		String basic = "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
		java.time.Duration interval = (java.time.Duration) org.springframework.test.util.ReflectionTestUtils.getField(feed,
				"flushInterval");
		// Every poll closes its window and hands it to the writer while the next batch is read.
		org.springframework.test.util.ReflectionTestUtils.setField(feed, "flushInterval", java.time.Duration.ZERO);
		try {
			mvc.perform(post("/v1/batch").contentType(MediaType.APPLICATION_JSON).header("Authorization", basic)
				.content("""
						{"batch":[{"type":"group","userId":"r1-%1$s","groupId":"rolling-%1$s.example"},
						 {"type":"group","userId":"r2-%1$s","groupId":"rolling-%1$s.example"}]}""".formatted(tag)))
				.andExpect(status().isOk());
			for (int round = 0; round < 12; round++) {
				mvc.perform(post("/v1/batch").contentType(MediaType.APPLICATION_JSON).header("Authorization", basic)
					.content("""
							{"batch":[{"type":"track","userId":"r1-%1$s","event":"Signed In"},
							 {"type":"track","userId":"r2-%1$s","event":"Report Exported"},
							 {"type":"track","userId":"r1-%1$s","event":"Report Exported"}]}""".formatted(tag)))
					.andExpect(status().isOk());
				feed.poll();
				if (round == 6) {
					// A crash in the middle: the window and a write in flight are gone or done, never half.
					feed.loseWindow();
				}
			}
			feed.catchUp();

			assertThat(jdbc.queryForObject("select sum(events) from usage_daily where account_id = ?", Long.class,
					UUID.fromString(acme))).isEqualTo(36L);
			assertThat(jdbc.queryForObject("select events from usage_user where user_id = ?", Long.class, "r1-" + tag))
				.isEqualTo(1L + 24L);
			assertThat(jdbc.queryForObject("select events from usage_user where user_id = ?", Long.class, "r2-" + tag))
				.isEqualTo(1L + 12L);
			assertThat(jdbc.queryForObject("select events from usage_group where group_id = ?", Long.class,
					"rolling-" + tag + ".example")).isEqualTo(38L);
		}
		finally {
			org.springframework.test.util.ReflectionTestUtils.setField(feed, "flushInterval", interval);
		}
	}

	@Test
	void sessionsTimeOfUseTopUsersAndAnAliasedUser() throws Exception {
		TestAccounts accounts = new TestAccounts(mvc, context);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String acme = account(accounts, "Sessions " + tag, "sessions-" + tag + ".example");
		String created = source("Web " + tag, "WEB");
		String key = JsonPath.read(created, "$.writeKey");
		// Yesterday in Tokyo: 10:00 and 10:05 are one session (5 minutes of use), 10:50 begins another.
		java.time.ZonedDateTime ten = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).minusDays(1)
			.atTime(10, 0).atZone(java.time.ZoneId.of("Asia/Tokyo"));
		String batch = """
				{"batch":[
				 {"type":"group","anonymousId":"anon-%1$s","groupId":"sessions-%1$s.example","timestamp":"%2$s"},
				 {"type":"alias","previousId":"anon-%1$s","userId":"hanako-%1$s","timestamp":"%2$s"},
				 {"type":"identify","userId":"hanako-%1$s","traits":{"name":"山田 花子"},"timestamp":"%2$s"},
				 {"type":"track","userId":"hanako-%1$s","event":"Signed In","timestamp":"%3$s"},
				 {"type":"track","userId":"hanako-%1$s","event":"Report Exported","timestamp":"%4$s"}]}"""
			.formatted(tag, ten.toInstant(), ten.plusMinutes(5).toInstant(), ten.plusMinutes(50).toInstant());
		mvc.perform(post("/v1/batch").contentType(MediaType.APPLICATION_JSON)
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8)))
			.content(batch))
			.andExpect(status().isOk());

		feed.catchUp();

		// The alias carried the anonymous visitor's company over to the signed-in user.
		assertThat(userAccount(JsonPath.read(created, "$.id"), "hanako-" + tag)).isEqualTo(acme);
		mvc.perform(get("/api/v1/accounts/" + acme + "/usage").header("Authorization", accounts.token()))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.sessions").value(2))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.averageMinutesPerUserDay")
				.value(5.0))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.topUsers[0].name")
				.value("山田 花子"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.topUsers[0].events")
				.value(2))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.adoption.length()")
				.value(12));
	}

	/** Creates an event source; answers the API's JSON, with its id and write key. */
	private String source(String name, String kind) throws Exception {
		return mvc.perform(post("/api/v1/sources").header("Authorization", ADMIN)
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"" + name + "\",\"kind\":\"" + kind + "\"}"))
			.andReturn().getResponse().getContentAsString();
	}

	private String userAccount(String source, String user) {
		List<String> found = jdbc.query("select account_id from usage_user where source_id = ? and user_id = ?",
				(rs, n) -> rs.getString(1), UUID.fromString(source), user);
		return found.isEmpty() ? null : found.getFirst();
	}

	private String account(TestAccounts accounts, String name, String domain) throws Exception {
		String body = mvc.perform(post("/api/v1/accounts").header("Authorization", accounts.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"%s\",\"stage\":\"ADOPTION\",\"domains\":[\"%s\"]}".formatted(name, domain)))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		return JsonPath.read(body, "$.id");
	}
}
