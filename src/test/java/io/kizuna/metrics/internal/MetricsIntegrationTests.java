package io.kizuna.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import io.kizuna.identity.Role;
import io.kizuna.identity.SignedInUser;
import io.kizuna.identity.internal.TestUsers;
import io.kizuna.support.KizunaIntegrationTest;
import io.kizuna.support.TestAccounts;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Subscription histories with known answers, loaded through the API as a customer would, then read
 * back from the metrics API, the dashboard and its drill-downs. Each test's accounts carry a plan of
 * their own, and the figures are read with that plan as the filter, so other tests' data never mix in.
 */
@KizunaIntegrationTest
class MetricsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	private TestAccounts accounts;

	private String plan;

	@BeforeEach
	void setUp() {
		accounts = new TestAccounts(mvc, context);
		plan = "Metrics-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private MockHttpServletRequestBuilder api(MockHttpServletRequestBuilder request) {
		return request.header("Authorization", accounts.token()).contentType(MediaType.APPLICATION_JSON);
	}

	private String account(String name) throws Exception {
		String body = mvc.perform(api(post("/api/v1/accounts"))
			.content("{\"name\":\"%s\",\"stage\":\"ADOPTION\",\"plan\":\"%s\",\"employeeCount\":50}".formatted(name, plan)))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		return JsonPath.read(body, "$.id");
	}

	private static String terms(String account, int seats, String price, String currency, String period,
			String start, String status, String extra) {
		return """
				{"accountId":"%s","product":"Kizuna Cloud","plan":"Pro","quantity":%d,"unitPrice":"%s","currency":"%s",
				 "billingPeriod":"%s","startDate":"%s","autoRenew":false,"status":"%s"%s}"""
			.formatted(account, seats, price, currency, period, start, status, extra);
	}

	private String[] subscribe(String body) throws Exception {
		String created = mvc.perform(api(post("/api/v1/subscriptions")).content(body))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		return new String[] { JsonPath.read(created, "$.id"), String.valueOf((Integer) JsonPath.read(created, "$.version")) };
	}

	private String[] change(String[] subscription, String body) throws Exception {
		String changed = mvc.perform(api(put("/api/v1/subscriptions/" + subscription[0]))
			.content(body.replace("}", ",\"version\":" + subscription[1] + "}")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		return new String[] { subscription[0], String.valueOf((Integer) JsonPath.read(changed, "$.version")) };
	}

	/** Reads the metrics until the ledger has caught up with the last change (it follows events after commit). */
	private String metricsOnceSettled(String query, String path, Object expected) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
		while (true) {
			String body = mvc.perform(get("/api/v1/metrics?plan=" + plan + query).header("Authorization", accounts.token()))
				.andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
			Object actual = JsonPath.read(body, path);
			if (String.valueOf(actual).equals(String.valueOf(expected)) || Instant.now().isAfter(deadline)) {
				return body;
			}
			Thread.onSpinWait();
		}
	}

	/**
	 * A: ¥10,000 a month from 10 Jan 2025, ¥15,000 from April, ¥20,000 from September. B: $200 a month
	 * ($2,400 a year, ¥30,000 at 150) from February, cancelled 15 June. C: ¥10,000 from March, ¥6,000 from
	 * May, cancelled 1 February 2026.
	 */
	private void knownHistories() throws Exception {
		String a = account("株式会社エー");
		String b = account("Bee Corp");
		String c = account("シー合同会社");
		String[] subA = subscribe(terms(a, 10, "1000", "JPY", "MONTHLY", "2025-01-10", "ACTIVE", ""));
		subA = change(subA, terms(a, 15, "1000", "JPY", "MONTHLY", "2025-01-10", "ACTIVE", ",\"effectiveDate\":\"2025-04-01\""));
		change(subA, terms(a, 20, "1000", "JPY", "MONTHLY", "2025-01-10", "ACTIVE", ",\"effectiveDate\":\"2025-09-01\""));
		String[] subB = subscribe(terms(b, 2, "1200.00", "USD", "ANNUAL", "2025-02-01", "ACTIVE", ""));
		change(subB, terms(b, 2, "1200.00", "USD", "ANNUAL", "2025-02-01", "CANCELLED",
				",\"cancelledOn\":\"2025-06-15\",\"cancellationReason\":\"Budget\",\"effectiveDate\":\"2025-06-15\""));
		String[] subC = subscribe(terms(c, 5, "2000", "JPY", "MONTHLY", "2025-03-01", "ACTIVE", ""));
		subC = change(subC, terms(c, 3, "2000", "JPY", "MONTHLY", "2025-03-01", "ACTIVE", ",\"effectiveDate\":\"2025-05-01\""));
		change(subC, terms(c, 3, "2000", "JPY", "MONTHLY", "2025-03-01", "CANCELLED",
				",\"cancelledOn\":\"2026-02-01\",\"effectiveDate\":\"2026-02-01\""));
	}

	@Test
	void movementsOfKnownHistoriesMatchTheHandWorkedAnswers() throws Exception {
		knownHistories();

		String body = metricsOnceSettled("&from=2025-01&to=2025-06", "$.series.customers[5]", 2);

		assertThat(JsonPath.<Object>read(body, "$.months")).asString().isEqualTo("[\"2025-01\",\"2025-02\",\"2025-03\",\"2025-04\",\"2025-05\",\"2025-06\"]");
		assertThat(amounts(body, "$.series.mrr")).containsExactly(10000.0, 40000.0, 50000.0, 55000.0, 51000.0, 21000.0);
		assertThat(amounts(body, "$.series.movements.new")).containsExactly(10000.0, 30000.0, 10000.0, 0.0, 0.0, 0.0);
		assertThat(amounts(body, "$.series.movements.expansion")).containsExactly(0.0, 0.0, 0.0, 5000.0, 0.0, 0.0);
		assertThat(amounts(body, "$.series.movements.contraction")).containsExactly(0.0, 0.0, 0.0, 0.0, 4000.0, 0.0);
		assertThat(amounts(body, "$.series.movements.churn")).containsExactly(0.0, 0.0, 0.0, 0.0, 0.0, 30000.0);
		assertThat(JsonPath.<Object>read(body, "$.series.customers")).asString().isEqualTo("[1,2,3,3,3,2]");
		assertThat(JsonPath.<Double>read(body, "$.series.logoChurnRate[5]")).isEqualTo(0.333333);
		assertThat(JsonPath.<Double>read(body, "$.series.grossMrrChurnRate[5]")).isEqualTo(30000 / 51000.0, org.assertj.core.api.Assertions.within(0.000001));
		assertThat(JsonPath.<Double>read(body, "$.summary.endMrr")).isEqualTo(21000.0);
		assertThat(JsonPath.<Double>read(body, "$.summary.arr")).isEqualTo(252000.0);
		assertThat(JsonPath.<Double>read(body, "$.summary.arpa")).isEqualTo(10500.0);
		assertThat(JsonPath.<String>read(body, "$.currency")).isEqualTo("JPY");
		// Nobody paid when the range began: the range's churn rate is not defined rather than 0 or infinite.
		assertThat(JsonPath.<Object>read(body, "$.summary.logoChurnRate")).isNull();
	}

	@Test
	void grossAndNetRetentionOverTwelveMonths() throws Exception {
		knownHistories();

		// Paying at the end of June 2025: A ¥15,000 and C ¥6,000. A year later A pays ¥20,000 and C has left.
		String body = metricsOnceSettled("&from=2026-01&to=2026-06", "$.series.customers[5]", 1);

		assertThat(JsonPath.<Double>read(body, "$.summary.grr")).isEqualTo(0.714286); // 15,000 / 21,000
		assertThat(JsonPath.<Double>read(body, "$.summary.nrr")).isEqualTo(0.952381); // 20,000 / 21,000
		assertThat(JsonPath.<Integer>read(body, "$.summary.retentionWindowMonths")).isEqualTo(12);

		String cohort = mvc.perform(get("/api/v1/metrics/drill?month=2026-06&detail=retention&plan=" + plan)
			.header("Authorization", accounts.token()))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<Integer>read(cohort, "$.total")).isEqualTo(2);
		assertThat(JsonPath.<Object>read(cohort, "$.items[*].account")).asString().contains("株式会社エー", "シー合同会社");
	}

	@Test
	void theAccountsBehindANumberAreOneClickAway() throws Exception {
		knownHistories();
		metricsOnceSettled("&from=2025-01&to=2025-06", "$.series.customers[5]", 2);

		mvc.perform(get("/api/v1/metrics/drill?month=2025-06&detail=churn&plan=" + plan).header("Authorization", accounts.token()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].account").value("Bee Corp"))
			.andExpect(jsonPath("$.items[0].amount").value(30000.0));

		String customers = mvc.perform(get("/api/v1/metrics/drill?month=2025-06&detail=customers&plan=" + plan)
			.header("Authorization", accounts.token()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.items[0].account").value("株式会社エー"))
			.andExpect(jsonPath("$.items[0].amount").value(15000.0))
			.andReturn().getResponse().getContentAsString();
		// Under the retention model the customer is worth more than one more month of margin.
		assertThat(JsonPath.<Double>read(customers, "$.items[0].expectedValue")).isGreaterThan(15000 * 0.8);

		SignedInUser viewer = new TestUsers(context).create(Role.VIEWER);
		mvc.perform(get("/analytics/drill?month=2025-06&detail=churn&plan=" + plan).with(user(viewer)).header("Accept-Language", "ja"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2025-06 の解約")))
			.andExpect(content().string(containsString("Bee Corp")))
			.andExpect(content().string(containsString("￥30,000")));
		mvc.perform(get("/analytics/drill.csv?month=2025-04&detail=expansion&plan=" + plan).with(user(viewer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("株式会社エー,5000,10000,15000")));
	}

	@Test
	void theDashboardShowsTheFiguresInEnglishAndJapaneseAndExportsItsTables() throws Exception {
		knownHistories();
		metricsOnceSettled("&from=2025-01&to=2025-06", "$.series.customers[5]", 2);
		SignedInUser viewer = new TestUsers(context).create(Role.VIEWER);

		mvc.perform(get("/analytics?from=2025-01&to=2025-06&plan=" + plan).with(user(viewer)).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("MRR movements by month")))
			.andExpect(content().string(containsString("¥21,000")))
			.andExpect(content().string(containsString("¥252,000")))
			.andExpect(content().string(containsString("/dist/chart.umd.min.js")));
		mvc.perform(get("/analytics?from=2025-01&to=2025-06&plan=" + plan).with(user(viewer)).header("Accept-Language", "ja"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("月別 MRR 増減")))
			.andExpect(content().string(containsString("契約開始月別の顧客継続率")))
			.andExpect(content().string(containsString("￥21,000")));
		mvc.perform(get("/analytics/movements.csv?from=2025-01&to=2025-06&plan=" + plan).with(user(viewer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2025-06,51000,0,0,0,0,30000,21000,2")));
		mvc.perform(get("/analytics/definitions").with(user(viewer)).header("Accept-Language", "ja"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("GRR(グロス売上継続率)")))
			.andExpect(content().string(containsString("12 か月前に有償だった顧客")));
		mvc.perform(get("/webjars/chart.js/dist/chart.umd.min.js")).andExpect(status().isOk());
	}

	@Test
	void unreadableFiltersAreRefusedWithAnExplanation() throws Exception {
		mvc.perform(get("/api/v1/metrics?from=2025-13").header("Authorization", accounts.token()).header("Accept-Language", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("\"2025-13\" is not a month. Write it as 2026-04."));
		mvc.perform(get("/api/v1/metrics?from=2026-05&to=2026-01").header("Authorization", accounts.token()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("2026-05")));
		mvc.perform(get("/api/v1/metrics?segment=HUGE").header("Authorization", accounts.token()))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/metrics/drill?month=2026-01&detail=everything").header("Authorization", accounts.token()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("everything")));
		SignedInUser viewer = new TestUsers(context).create(Role.VIEWER);
		// The page's error page says why (see ErrorPagesIntegrationTests, which goes through the real error dispatch).
		mvc.perform(get("/analytics?from=yesterday").with(user(viewer)).header("Accept-Language", "ja"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void theRetentionModelApiFitsPublishedSurvivalCounts() throws Exception {
		mvc.perform(api(post("/api/v1/metrics/retention/sbg"))
			.content("{\"alive\":[1000,869,743,653,593,551,517,491],\"horizon\":12,\"discountRate\":0.10}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.alpha").value(org.hamcrest.Matchers.closeTo(0.668, 0.0005)))
			.andExpect(jsonPath("$.beta").value(org.hamcrest.Matchers.closeTo(3.806, 0.0005)))
			.andExpect(jsonPath("$.logLikelihood").value(org.hamcrest.Matchers.closeTo(-1611.16, 0.01)))
			.andExpect(jsonPath("$.projectedAlive.length()").value(13))
			.andExpect(jsonPath("$.projectedAlive[0]").value(1000.0))
			.andExpect(jsonPath("$.projectedAlive[8]").value(org.hamcrest.Matchers.closeTo(460.5, 0.5)))
			.andExpect(jsonPath("$.projectedRetention[1]").value(org.hamcrest.Matchers.closeTo(0.8507, 0.0005)))
			// After 7 renewals at 10 %: 7.53 periods (reproduced by independent sBG implementations).
			.andExpect(jsonPath("$.derl").value(org.hamcrest.Matchers.closeTo(7.53, 0.005)));
	}

	@Test
	void theMetricsApiIsDocumentedWithItsFilters() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/metrics'].get.parameters[*].name",
					org.hamcrest.Matchers.hasItems("segment", "plan", "owner", "from", "to")))
			.andExpect(jsonPath("$.paths['/api/v1/metrics/drill'].get.parameters[*].name",
					org.hamcrest.Matchers.hasItems("month", "detail", "segment")))
			.andExpect(jsonPath("$.paths['/api/v1/metrics/retention/sbg'].post").exists())
			.andExpect(jsonPath("$.paths['/api/v1/survey-answers/external/{externalId}'].put").exists());
	}

	@Test
	void theRetentionModelApiExplainsBadCounts() throws Exception {
		mvc.perform(api(post("/api/v1/metrics/retention/sbg")).header("Accept-Language", "en")
			.content("{\"alive\":[1000,869,900]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("alive[2] is 900, more than the 869 before it")));
		mvc.perform(api(post("/api/v1/metrics/retention/sbg")).content("{\"alive\":[1000]}"))
			.andExpect(status().isBadRequest());
		mvc.perform(api(post("/api/v1/metrics/retention/sbg")).content("{\"alive\":[0,0]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("alive[0]")));
		mvc.perform(api(post("/api/v1/metrics/retention/sbg")).content("{\"alive\":[500,500,500]}"))
			.andExpect(status().isBadRequest());
		mvc.perform(api(post("/api/v1/metrics/retention/sbg")).content("{\"alive\":[1000,500,250,125,62.5]}"))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(api(post("/api/v1/metrics/retention/sbg")).content("{\"alive\":[1000,900],\"discountRate\":0}"))
			.andExpect(status().isBadRequest());
		mvc.perform(api(post("/api/v1/metrics/retention/sbg")).content("{\"alive\":[1000,-5]}"))
			.andExpect(status().isBadRequest());
	}

	private static java.util.List<Double> amounts(String body, String path) {
		java.util.List<Object> values = JsonPath.read(body, path);
		return values.stream().map(v -> ((Number) v).doubleValue()).toList();
	}
}
