package io.kizuna.health.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import io.kizuna.health.HealthBand;
import io.kizuna.support.KizunaIntegrationTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Health as a CS team meets it: usage events move an account's score within seconds and the score says
 * why in words; a scorecard for a segment, a CSM's sentiment and override, a band change on the timeline,
 * a changed weight that moves scores, lifecycle rules, the YAML file, and a backtest against the past.
 */
@KizunaIntegrationTest
class HealthIntegrationTests {

	private static final String ADMIN = "Bearer kz_bootstrap-token-for-tests-0123456789";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	HealthEngine engine;

	@Autowired
	HealthTriggers triggers;

	@Autowired
	HealthRecords records;

	String tag;

	@BeforeEach
	void engineRunning() {
		tag = UUID.randomUUID().toString().substring(0, 8);
		await().atMost(Duration.ofSeconds(30)).until(engine::ready);
	}

	@Test
	void usageEventsMoveTheScoreWithinSecondsAndTheScoreSaysWhy() throws Exception {
		String account = account("Usage " + tag, "usage-" + tag, "usage-" + tag + ".example");
		subscribe(account, 10, LocalDate.now().minusMonths(3), "ACTIVE", "");
		String key = writeKey();
		StringBuilder batch = new StringBuilder("{\"batch\":[");
		for (int u = 1; u <= 4; u++) {
			batch.append("""
					{"type":"group","userId":"u%1$d-%2$s","groupId":"usage-%2$s.example"},
					{"type":"track","userId":"u%1$d-%2$s","event":"Signed In"},""".formatted(u, tag));
		}
		batch.setLength(batch.length() - 1);
		batch.append("]}");
		mvc.perform(post("/v1/batch").contentType(MediaType.APPLICATION_JSON)
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8)))
			.content(batch.toString()))
			.andExpect(status().isOk());

		// No poll by hand: the feed and the health refresh run on their own schedules.
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> mvc.perform(api(get("/api/v1/accounts/" + account + "/health")))
			.andExpect(jsonPath("$.explanation[?(@.metric == 'ACTIVE_USERS_PER_SEAT')].text")
								// Its share depends on which other measures have data (features named, NPS answers): not asserted.
				.value(org.hamcrest.Matchers.contains(org.hamcrest.Matchers.startsWith("Active users 4 of 10 seats: 50/100 × ")))));
		mvc.perform(api(get("/api/v1/accounts/" + account + "/health")).header("Accept-Language", "ja"))
			.andExpect(jsonPath("$.score").isNumber())
			.andExpect(jsonPath("$.band").isString())
			.andExpect(jsonPath("$.scorecard").value("Standard"))
			.andExpect(jsonPath("$.explanation[?(@.metric == 'BILLING')].text")
				.value(org.hamcrest.Matchers.contains(org.hamcrest.Matchers.startsWith("有償契約中: 100/100 × "))));
		mvc.perform(api(get("/api/v1/accounts/" + account + "/health/history?days=7")))
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].day").value(engine.today().toString()));
		mvc.perform(get("/accounts/" + account + "/health").with(csm()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Active users 4 of 10 seats")));
	}

	@Test
	void aSegmentsScorecardSentimentOverrideAndBandChangeOnTheTimeline() throws Exception {
		String account = account("Segment " + tag, "plan-" + tag, null);
		String segment = "seg-" + tag;
		mvc.perform(api(post("/api/v1/health/segments")).content("""
				{"key":"%s","name":"Plan %s","coverage":"HIGH_TOUCH","priority":1,
				 "rules":[{"field":"plan","op":"EQ","value":"plan-%s"}]}""".formatted(segment, tag, tag)))
			.andExpect(status().isCreated());
		String card = JsonPath.read(mvc.perform(api(post("/api/v1/health/scorecards")).content("""
				{"name":"Feel %s","segment":"%s","priority":1,"good":70,"neutral":40,
				 "measures":[{"metric":"SENTIMENT","weight":100,"worst":0,"best":2}]}""".formatted(tag, segment)))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString(), "$.id");

		mvc.perform(api(put("/api/v1/accounts/" + account + "/health/sentiment")).content("{\"sentiment\":\"POSITIVE\"}"))
			.andExpect(status().isOk());
		awaitScore(account, 100);
		mvc.perform(api(get("/api/v1/accounts/" + account + "/health")))
			.andExpect(jsonPath("$.band").value("GOOD"))
			.andExpect(jsonPath("$.scorecard").value("Feel " + tag));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> mvc.perform(api(get("/api/v1/accounts?segment=" + segment)))
			.andExpect(jsonPath("$.total").value(1)));

		// The CSM turns negative: the band falls to at risk, and the timeline says so.
		mvc.perform(api(put("/api/v1/accounts/" + account + "/health/sentiment")).content("{\"sentiment\":\"NEGATIVE\"}"))
			.andExpect(status().isOk());
		awaitScore(account, 0);
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForList(
				"select action from timeline_entry where account_id = ? and kind = 'HEALTH'", String.class,
				UUID.fromString(account)), actions -> actions.contains("AT_RISK"));

		// An override shows as such, is refused without a reason, and ends by itself.
		mvc.perform(api(put("/api/v1/accounts/" + account + "/health/override"))
			.content("{\"score\":80,\"reason\":\" \",\"until\":\"" + LocalDate.now().plusDays(7) + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("Say why")));
		mvc.perform(api(put("/api/v1/accounts/" + account + "/health/override"))
			.content("{\"score\":80,\"reason\":\"Renewal signed yesterday\",\"until\":\"" + LocalDate.now().plusDays(7) + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.score").value(80))
			.andExpect(jsonPath("$.band").value("GOOD"))
			.andExpect(jsonPath("$.computedScore").value(0))
			.andExpect(jsonPath("$.override.reason").value("Renewal signed yesterday"));
		jdbc.update("update health_override set expires_at = ? where account_id = ?",
				java.sql.Timestamp.from(Instant.now().minusSeconds(60)), UUID.fromString(account));
		triggers.expireOverrides();
		mvc.perform(api(get("/api/v1/accounts/" + account + "/health")))
			.andExpect(jsonPath("$.score").value(0))
			.andExpect(jsonPath("$.override").doesNotExist());

		// A changed rule moves the score: positive is now worth half.
		mvc.perform(api(put("/api/v1/accounts/" + account + "/health/sentiment")).content("{\"sentiment\":\"POSITIVE\"}"));
		awaitScore(account, 100);
		String current = mvc.perform(api(get("/api/v1/health/scorecards"))).andReturn().getResponse().getContentAsString();
		int version = JsonPath.<List<Integer>>read(current, "$[?(@.id == '" + card + "')].version").getFirst();
		mvc.perform(api(put("/api/v1/health/scorecards/" + card)).content("""
				{"name":"Feel %s","segment":"%s","priority":1,"good":70,"neutral":40,"version":%d,
				 "measures":[{"metric":"SENTIMENT","weight":100,"worst":0,"best":4}]}""".formatted(tag, segment, version)))
			.andExpect(status().isOk());
		awaitScore(account, 50);
		mvc.perform(api(put("/api/v1/health/scorecards/" + card)).content("""
				{"name":"Feel %s","segment":"%s","priority":1,"good":70,"neutral":40,"version":%d,
				 "measures":[{"metric":"SENTIMENT","weight":100,"worst":0,"best":4}]}""".formatted(tag, segment, version)))
			.andExpect(status().isConflict());

		mvc.perform(api(delete("/api/v1/health/scorecards/" + card))).andExpect(status().isNoContent());
		mvc.perform(api(delete("/api/v1/health/segments/" + segment))).andExpect(status().isNoContent());
	}

	@Test
	void aLifecycleRuleMovesTheStageAndCirclesAreRefused() throws Exception {
		String account = account("Lifecycle " + tag, "life-" + tag, null);
		mvc.perform(api(put("/api/v1/health/lifecycle-rules")).content("""
				[{"from":"ONBOARDING","to":"ADOPTION","when":[{"field":"plan","op":"EQ","value":"life-%1$s"}]},
				 {"from":"ADOPTION","to":"ONBOARDING","when":[{"field":"plan","op":"EQ","value":"life-%1$s"}]}]"""
			.formatted(tag)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("circle")));
		try {
			mvc.perform(api(put("/api/v1/health/lifecycle-rules")).content("""
					[{"from":"ONBOARDING","to":"ADOPTION","when":[{"field":"plan","op":"EQ","value":"life-%s"}]}]"""
				.formatted(tag)))
				.andExpect(status().isOk());
			// Rules apply on the next scoring of the account: a change to it, or the recompute the save started.
			await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> mvc.perform(api(get("/api/v1/accounts/" + account)))
				.andExpect(jsonPath("$.stage").value("ADOPTION")));
		}
		finally {
			mvc.perform(api(put("/api/v1/health/lifecycle-rules")).content("[]")).andExpect(status().isOk());
		}
	}

	@Test
	void theConfigurationTravelsAsYamlAndABadFileChangesNothing() throws Exception {
		String yaml = mvc.perform(api(get("/api/v1/health/configuration")).accept("application/yaml"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(yaml).contains("scorecards:", "name: \"Standard\"", "ACTIVE_USERS_PER_SEAT");
		String broken = yaml.replaceFirst("segment: null", "segment: \"nowhere\"");
		mvc.perform(api(put("/api/v1/health/configuration")).contentType("application/yaml").content(broken))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("nowhere")));
		mvc.perform(api(put("/api/v1/health/configuration")).contentType("application/yaml").content("scorecards: [oops"))
			.andExpect(status().isBadRequest());
		mvc.perform(api(put("/api/v1/health/configuration")).contentType("application/yaml").content(yaml))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.scorecards").isNumber());
		assertThat(mvc.perform(api(get("/api/v1/health/configuration")).accept("application/yaml"))
			.andReturn().getResponse().getContentAsString()).isEqualTo(yaml);
	}

	@Test
	void theBacktestTellsWhichCardWouldHaveSeenTheChurnComing() throws Exception {
		// Far enough back that no other test's history lies before it.
		LocalDate asOf = LocalDate.now().minusDays(2_000);
		List<String> stayed = List.of(account("Stays A " + tag, "bt-" + tag, null), account("Stays B " + tag, "bt-" + tag, null));
		List<String> churned = List.of(account("Leaves C " + tag, "bt-" + tag, null), account("Leaves D " + tag, "bt-" + tag, null));
		for (String a : stayed) {
			subscribe(a, 10, asOf.minusDays(100), "ACTIVE", "");
		}
		for (String a : churned) {
			String[] sub = subscribe(a, 10, asOf.minusDays(100), "ACTIVE", "");
			mvc.perform(api(put("/api/v1/subscriptions/" + sub[0])).content(terms(a, 10, asOf.minusDays(100), "CANCELLED",
					",\"cancelledOn\":\"" + asOf.plusDays(20) + "\",\"endDate\":\"" + asOf.plusDays(20) + "\",\"effectiveDate\":\""
							+ asOf.plusDays(20) + "\",\"version\":" + sub[1])))
				.andExpect(status().isOk());
		}
		// The past as the history kept it: the leavers' CSMs felt it, their usage did not show it.
		record Past(String account, double seats, double sentiment) {
		}
		List<Past> past = List.of(new Past(stayed.get(0), 20, 2), new Past(stayed.get(1), 30, 2), new Past(churned.get(0), 70, 0),
				new Past(churned.get(1), 80, 0));
		records.insertHistory(past.stream()
			.map(p -> new HealthRecords.Day(UUID.fromString(p.account()), asOf.minusDays(3), null, 50, HealthBand.NEUTRAL,
					"{\"ACTIVE_USERS_PER_SEAT\":" + p.seats() + ",\"SENTIMENT\":" + p.sentiment() + "}", null,
					Instant.now()))
			.toList());

		String sentimentCard = """
				{"scorecard":{"name":"What if","good":70,"neutral":40,
				 "measures":[{"metric":"SENTIMENT","weight":80,"worst":0,"best":2},
				             {"metric":"ACTIVE_USERS_PER_SEAT","weight":20,"worst":0,"best":80}]},
				 "asOf":"%s","horizonDays":90}""".formatted(asOf);
		mvc.perform(api(post("/api/v1/health/backtest")).content(sentimentCard))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accounts").value(4))
			.andExpect(jsonPath("$.churned").value(2))
			.andExpect(jsonPath("$.auc").value(1.0))
			.andExpect(jsonPath("$.measures[?(@.metric == 'SENTIMENT')].auc").value(org.hamcrest.Matchers.contains(1.0)))
			.andExpect(jsonPath("$.measures[?(@.metric == 'ACTIVE_USERS_PER_SEAT')].auc").value(org.hamcrest.Matchers.contains(0.0)))
			.andExpect(jsonPath("$.bands[?(@.label == 'AT_RISK')].troubled").value(org.hamcrest.Matchers.contains(2)));
		String usageCard = sentimentCard.replace("\"weight\":80", "\"weight\":1").replace("\"weight\":20", "\"weight\":99");
		mvc.perform(api(post("/api/v1/health/backtest")).content(usageCard))
			.andExpect(jsonPath("$.auc").value(0.0));
		mvc.perform(api(post("/api/v1/health/backtest")).content(sentimentCard.replace(asOf.toString(),
				LocalDate.now().minusDays(10).toString())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("has ended")));
	}

	@Test
	void segmentsSavedInQuickSuccessionAreAllThereWhileTheRecomputeRuns() throws Exception {
		// Each save starts a recompute, which reads the segments on another thread meanwhile.
		for (int i = 0; i < 5; i++) {
			mvc.perform(api(post("/api/v1/health/segments")).content("""
					{"key":"quick-%s-%d","name":"Quick %d","coverage":"LOW_TOUCH","priority":%d,
					 "rules":[{"field":"plan","op":"EQ","value":"none-%s"}]}""".formatted(tag, i, i, 50 + i, tag)))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.key").value("quick-" + tag + "-" + i));
		}
		mvc.perform(api(post("/api/v1/health/segments")).content("""
				{"key":"quick-%s-0","name":"Again","coverage":"LOW_TOUCH","rules":[{"field":"plan","op":"EQ","value":"x"}]}"""
			.formatted(tag)))
			.andExpect(status().isConflict());
		mvc.perform(api(get("/api/v1/health/segments")))
			.andExpect(jsonPath("$[?(@.key =~ /quick-" + tag + "-.*/)]").value(org.hamcrest.Matchers.hasSize(5)));
		for (int i = 0; i < 5; i++) {
			mvc.perform(api(delete("/api/v1/health/segments/quick-" + tag + "-" + i))).andExpect(status().isNoContent());
		}
	}

	@Test
	void thePagesSpeakJapaneseAndRefuseBadRulesInWords() throws Exception {
		var admin = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.user(new io.kizuna.identity.internal.TestUsers(context).create(io.kizuna.identity.Role.ADMIN));
		mvc.perform(get("/admin/health").with(admin).header("Accept-Language", "ja"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.stringContainsInOrder("ヘルススコア設定", "スコアカード",
					"Standard", "セグメント", "ライフサイクルルール")));
		mvc.perform(post("/admin/health/segments").with(admin)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.header("Accept-Language", "ja")
			.param("key", "bad-" + tag).param("name", "Bad").param("coverage", "TECH_TOUCH").param("priority", "5")
			.param("creating", "true").param("rules", "size EQ SMB\nmrr GTE lots"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("mrr のルールの比較値「lots」は数値ではありません。")));
		mvc.perform(get("/api/v1/health/segments").header("Authorization", ADMIN))
			.andExpect(jsonPath("$[?(@.key == 'bad-" + tag + "')]").isEmpty());
		String account = account("Form " + tag, "form-" + tag, null);
		mvc.perform(post("/accounts/" + account + "/health/override").with(csm())
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.header("HX-Request", "true").header("Accept-Language", "ja")
			.param("score", "abc").param("reason", "理由").param("until", "tomorrow"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("0から100のスコアを入力してください。")));
		mvc.perform(get("/success").with(csm()).header("Accept-Language", "ja"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.stringContainsInOrder("カスタマーサクセス",
					"ヘルス区分・セグメント別の顧客", "全顧客", "直近7日間にリスクへ移った顧客")));
	}

	private void awaitScore(String account, int score) {
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> mvc.perform(api(get("/api/v1/accounts/" + account + "/health")))
			.andExpect(jsonPath("$.score").value(score)));
	}

	private String account(String name, String plan, String domain) throws Exception {
		String body = mvc.perform(api(post("/api/v1/accounts")).content("""
				{"name":"%s","stage":"ONBOARDING","plan":"%s"%s}""".formatted(name, plan,
				domain == null ? "" : ",\"domains\":[\"" + domain + "\"]")))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		return JsonPath.read(body, "$.id");
	}

	private static String terms(String account, int seats, LocalDate start, String status, String extra) {
		return """
				{"accountId":"%s","product":"Kizuna Cloud","plan":"Pro","quantity":%d,"unitPrice":"10000","currency":"JPY",
				 "billingPeriod":"MONTHLY","startDate":"%s","autoRenew":false,"status":"%s"%s}"""
			.formatted(account, seats, start, status, extra);
	}

	private String[] subscribe(String account, int seats, LocalDate start, String status, String extra) throws Exception {
		String created = mvc.perform(api(post("/api/v1/subscriptions")).content(terms(account, seats, start, status, extra)))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		return new String[] { JsonPath.read(created, "$.id"), String.valueOf((Integer) JsonPath.read(created, "$.version")) };
	}

	private String writeKey() throws Exception {
		String created = mvc.perform(api(post("/api/v1/sources")).content("{\"name\":\"App " + tag + "\",\"kind\":\"SERVER\"}"))
			.andReturn().getResponse().getContentAsString();
		return JsonPath.read(created, "$.writeKey");
	}

	private static MockHttpServletRequestBuilder api(MockHttpServletRequestBuilder request) {
		return request.header("Authorization", ADMIN).contentType(MediaType.APPLICATION_JSON);
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor csm() {
		return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.user(new io.kizuna.identity.internal.TestUsers(context).create(io.kizuna.identity.Role.CSM));
	}

	@Test
	void aRecomputesWorthOfRowsIsWrittenAndReplacedExactly() throws Exception {
		// 1,500 rows at once: PostgreSQL takes them by COPY, H2 by MERGE statements; both must keep every value.
		java.util.UUID account = java.util.UUID.fromString(account("Bulk " + tag, "Pro", tag + ".bulk.example"));
		java.util.UUID card = java.util.UUID.randomUUID();
		LocalDate first = LocalDate.of(2022, 1, 1);
		java.time.Instant at = java.time.Instant.parse("2026-11-23T01:02:03.456789Z");
		java.util.List<HealthRecords.Day> days = new java.util.ArrayList<>();
		for (int i = 0; i < 1_500; i++) {
			days.add(new HealthRecords.Day(account, first.plusDays(i), card, i % 101, io.kizuna.health.HealthBand.NEUTRAL,
					"{\"NPS\":" + i + ",\"note\":\"a \\\"quoted\\\", comma\"}", i % 2 == 0 ? null : "{\"NPS\":[" + i + "]}", at));
		}
		records.store(days);
		// Only these days: the engine may meanwhile give the new account a row of its own for today.
		java.util.function.Supplier<java.util.List<HealthRecords.Day>> stored = () -> records.history(account, first)
			.stream()
			.filter(d -> d.day().isBefore(first.plusDays(1_500)))
			.toList();
		java.util.List<HealthRecords.Day> read = stored.get();
		assertThat(read).hasSize(1_500);
		assertThat(read.get(7)).isEqualTo(days.get(7));
		assertThat(read.get(8)).isEqualTo(days.get(8));

		java.util.List<HealthRecords.Day> replaced = days.stream()
			.map(d -> new HealthRecords.Day(d.account(), d.day(), null, 100 - d.score(), io.kizuna.health.HealthBand.GOOD,
					d.values(), null, at.plusSeconds(1)))
			.toList();
		records.store(replaced);
		assertThat(stored.get()).containsExactlyElementsOf(replaced);

		// As many band changes at once (COPY on PostgreSQL): all kept, the latest found as the move into at risk.
		java.util.List<io.kizuna.health.HealthBandChanged> changes = new java.util.ArrayList<>();
		for (int i = 0; i < 1_200; i++) {
			boolean down = i % 2 == 1;
			changes.add(new io.kizuna.health.HealthBandChanged(new io.kizuna.accounts.AccountId(account),
					io.kizuna.health.HealthBandChanged.Kind.BAND_CHANGED,
					down ? io.kizuna.health.HealthBand.NEUTRAL : io.kizuna.health.HealthBand.AT_RISK,
					down ? io.kizuna.health.HealthBand.AT_RISK : io.kizuna.health.HealthBand.NEUTRAL, 60 - i % 7, 30 + i % 5,
					"Standard", at.plusSeconds(i)));
		}
		records.bandChanged(changes);
		assertThat(jdbc.queryForObject("select count(*) from health_band_change where account_id = ?", Integer.class,
				account)).isEqualTo(1_200);
		assertThat(records.movedInto(io.kizuna.health.HealthBand.AT_RISK, at))
			.filteredOn(moved -> moved.account().equals(account))
			.singleElement()
			.satisfies(moved -> {
				assertThat(moved.at()).isEqualTo(at.plusSeconds(1_199));
				assertThat(moved.scoreBefore()).isEqualTo(60 - 1_199 % 7);
				assertThat(moved.before()).isEqualTo(io.kizuna.health.HealthBand.NEUTRAL);
			});
	}

	@Test
	void replacedScoreRowsAreClearedOutsideATransactionOnPostgres() {
		// VACUUM refuses to run inside a transaction: this is what a recompute's clearing would meet.
		records.clearReplacedRows();

		if (io.kizuna.support.TestDatabase.isPostgres()) {
			assertThat(jdbc.queryForObject("select last_vacuum is not null from pg_stat_user_tables"
					+ " where relname = 'health_score_day'", Boolean.class)).isTrue();
			assertThat(jdbc.queryForObject("select reloptions::text from pg_class where relname = 'health_score_day'",
					String.class)).contains("fillfactor=70");
		}
	}

	@Autowired
	org.springframework.context.ApplicationContext context;
}
