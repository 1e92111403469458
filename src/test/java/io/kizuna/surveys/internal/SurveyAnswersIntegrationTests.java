package io.kizuna.surveys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import io.kizuna.support.KizunaIntegrationTest;
import io.kizuna.support.TestAccounts;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Survey answers through the API and a CSV export of a survey tool, and the NPS and CSAT the metrics
 * make of them. Accounts carry a plan of their own so the metrics can be read for them alone.
 */
@KizunaIntegrationTest
class SurveyAnswersIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	private TestAccounts accounts;

	private String tag;

	@BeforeEach
	void setUp() {
		accounts = new TestAccounts(mvc, context);
		tag = UUID.randomUUID().toString().substring(0, 8);
	}

	private MockHttpServletRequestBuilder api(MockHttpServletRequestBuilder request) {
		return request.header("Authorization", accounts.token()).contentType(MediaType.APPLICATION_JSON);
	}

	private String account(String name, String salesforceId) throws Exception {
		String body = mvc.perform(api(post("/api/v1/accounts")).content(
				"{\"name\":\"%s\",\"stage\":\"ADOPTION\",\"plan\":\"Survey-%s\",\"salesforceId\":\"%s\"}"
					.formatted(name, tag, salesforceId)))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		return JsonPath.read(body, "$.id");
	}

	private static String answer(String account, String kind, int score, String at) {
		return "{\"accountId\":\"%s\",\"kind\":\"%s\",\"score\":%d,\"answeredAt\":\"%s\",\"contactEmail\":\"Hanako@Example.JP\"}"
			.formatted(account, kind, score, at);
	}

	@Test
	void answersAreRecordedCheckedAndUpsertedByTheirResponseId() throws Exception {
		String account = account("アンケート株式会社", "001A" + tag);

		mvc.perform(api(post("/api/v1/survey-answers")).content(answer(account, "NPS", 9, "2026-10-01T10:00:00+09:00")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.contactEmail").value("hanako@example.jp"));
		mvc.perform(api(post("/api/v1/survey-answers")).header("Accept-Language", "en")
			.content(answer(account, "NPS", 11, "2026-10-01T10:00:00Z")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("A NPS score of 11 is not possible: NPS scores run from 0 to 10."));
		mvc.perform(api(post("/api/v1/survey-answers")).content(answer(account, "CSAT", 0, "2026-10-01T10:00:00Z")))
			.andExpect(status().isBadRequest());
		mvc.perform(api(post("/api/v1/survey-answers")).header("Accept-Language", "ja")
			.content(answer(account, "CSAT", 4, "2099-01-01T00:00:00Z")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("未来")));
		mvc.perform(api(post("/api/v1/survey-answers")).content(answer(UUID.randomUUID().toString(), "CSAT", 4, "2026-10-01T10:00:00Z")))
			.andExpect(status().isNotFound());
		mvc.perform(api(post("/api/v1/survey-answers")).content("{\"accountId\":\"" + account + "\",\"kind\":\"NPS\"}"))
			.andExpect(status().isBadRequest());

		String external = "/api/v1/survey-answers/external/resp-" + tag;
		mvc.perform(api(put(external)).content(answer(account, "CSAT", 5, "2026-10-02T09:00:00Z"))).andExpect(status().isCreated());
		mvc.perform(api(put(external)).content(answer(account, "CSAT", 5, "2026-10-02T09:00:00Z"))).andExpect(status().isOk());
		mvc.perform(api(put(external)).content(answer(account, "CSAT", 2, "2026-10-02T09:00:00Z")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.score").value(2));
		mvc.perform(get("/api/v1/survey-answers").param("accountId", account).header("Authorization", accounts.token()))
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.items[0].kind").value("CSAT"))
			.andExpect(jsonPath("$.items[0].score").value(2));
	}

	@Test
	void aSurveyToolExportImportsOnceAndBecomesNpsAndCsat() throws Exception {
		String salesforceId = "001N" + tag;
		account("株式会社推奨", salesforceId);
		YearMonth month = YearMonth.now().minusMonths(1);
		String day = month.atDay(10).toString().replace('-', '/');
		// Four NPS answers (two promoters, one passive, one detractor: NPS 25) and two CSAT (one satisfied: 50 %),
		// then a score out of range and a date that is not one.
		String csv = "回答ID,取引先 ID,アンケート,スコア,回答日時,コメント\n"
				+ "r1-%1$s,%2$s,NPS,10,%3$s 10:00,とても良い\n".formatted(tag, salesforceId, day)
				+ "r2-%1$s,%2$s,NPS,9,%3$s 11:00,\n".formatted(tag, salesforceId, day)
				+ "r3-%1$s,%2$s,NPS,8,%3$s,\n".formatted(tag, salesforceId, day)
				+ "r4-%1$s,%2$s,NPS,3,%3$s,遅い\n".formatted(tag, salesforceId, day)
				+ "r5-%1$s,%2$s,顧客満足度,5,%3$s,\n".formatted(tag, salesforceId, day)
				+ "r6-%1$s,%2$s,CSAT,2,%3$s,\n".formatted(tag, salesforceId, day)
				+ "r7-%1$s,%2$s,NPS,12,%3$s,\n".formatted(tag, salesforceId, day)
				+ "r8-%1$s,%2$s,NPS,7,昨日,\n".formatted(tag, salesforceId);

		String job = upload(csv);
		String checked = mvc.perform(post("/api/v1/imports/" + job + "/check").header("Authorization", accounts.token())
			.header("Accept-Language", "ja").contentType(MediaType.APPLICATION_JSON)
			.content("{\"mapping\":[\"externalId\",\"account\",\"kind\",\"score\",\"answeredAt\",\"comment\"]}"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat((Integer) JsonPath.read(checked, "$.valid")).isEqualTo(6);
		List<String> reasons = JsonPath.read(checked, "$.problems[*].reason");
		assertThat(reasons).hasSize(2);
		assertThat(reasons.get(0)).contains("12", "0 から 10");
		assertThat(reasons.get(1)).contains("昨日");
		assertThat(run(job)).contains("\"created\":6");
		String again = upload(csv);
		mvc.perform(post("/api/v1/imports/" + again + "/check").header("Authorization", accounts.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"mapping\":[\"externalId\",\"account\",\"kind\",\"score\",\"answeredAt\",\"comment\"]}"))
			.andExpect(status().isOk());
		assertThat(run(again)).contains("\"created\":0", "\"unchanged\":6");

		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> mvc.perform(get("/api/v1/metrics")
			.param("plan", "Survey-" + tag).param("from", month.toString()).param("to", month.toString())
			.header("Authorization", accounts.token()))
			.andExpect(jsonPath("$.summary.nps").value(25.0))
			.andExpect(jsonPath("$.summary.npsAnswers").value(4))
			.andExpect(jsonPath("$.summary.csat").value(0.5))
			.andExpect(jsonPath("$.series.nps[0]").value(25.0)));
		mvc.perform(get("/analytics/answers").param("month", month.toString()).param("kind", "NPS")
			.param("plan", "Survey-" + tag)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user(new io.kizuna.identity.internal.TestUsers(context).create(io.kizuna.identity.Role.VIEWER)))
			.header("Accept-Language", "ja"))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.stringContainsInOrder("4 件", "株式会社推奨", "3", "批判者", "10", "推奨者")));
	}

	private String upload(String csv) throws Exception {
		String body = mvc.perform(multipart("/api/v1/imports")
			.file(new MockMultipartFile("file", "nps.csv", "text/csv", csv.getBytes(Charset.forName("windows-31j"))))
			.param("kind", "survey-answers").header("Authorization", accounts.token()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.suggestedMapping[0]").value("externalId"))
			.andExpect(jsonPath("$.suggestedMapping[3]").value("score"))
			.andReturn().getResponse().getContentAsString();
		return JsonPath.read(body, "$.id");
	}

	private String run(String job) throws Exception {
		mvc.perform(post("/api/v1/imports/" + job + "/run").header("Authorization", accounts.token()))
			.andExpect(status().isAccepted());
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			String status = mvc.perform(get("/api/v1/imports/" + job).header("Authorization", accounts.token()))
				.andReturn().getResponse().getContentAsString();
			return status.contains("\"DONE\"") || status.contains("\"FAILED\"");
		});
		return mvc.perform(get("/api/v1/imports/" + job).header("Authorization", accounts.token()))
			.andReturn().getResponse().getContentAsString();
	}
}
