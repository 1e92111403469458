package io.kizuna.subscriptions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
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

import java.time.LocalDate;
import java.util.UUID;

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

import com.jayway.jsonpath.JsonPath;

@KizunaIntegrationTest
class SubscriptionsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	SubscriptionRenewals renewals;

	private TestAccounts accounts;

	@BeforeEach
	void setUp() {
		accounts = new TestAccounts(mvc, context);
	}

	private static String body(String account, int seats, String unitPrice, String currency, String period,
			LocalDate start, LocalDate end, String extra) {
		return """
				{"accountId":"%s","product":"Kizuna Cloud","plan":"Pro","quantity":%d,"unitPrice":"%s",
				 "currency":"%s","billingPeriod":"%s","startDate":"%s","endDate":%s,"autoRenew":%s,"status":"ACTIVE"%s}"""
			.formatted(account, seats, unitPrice, currency, period, start, end == null ? "null" : "\"" + end + "\"",
					end != null, extra);
	}

	private MockHttpServletRequestBuilder api(MockHttpServletRequestBuilder request) {
		return request.header("Authorization", accounts.token()).contentType(MediaType.APPLICATION_JSON);
	}

	private String create(String body) throws Exception {
		String created = mvc.perform(api(post("/api/v1/subscriptions")).content(body))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(created, "$.id");
	}

	@Test
	void theAccountShowsMrrArrAndRenewalFromItsActiveSubscriptions() throws Exception {
		String account = accounts.create("株式会社サブスク");
		LocalDate start = LocalDate.now().minusMonths(2);
		create(body(account, 10, "120000", "JPY", "ANNUAL", start, start.plusYears(1), ""));
		create(body(account, 5, "2000", "JPY", "MONTHLY", start, start.plusMonths(3), ""));
		String trial = body(account, 50, "3000", "JPY", "MONTHLY", start, null, "").replace("\"ACTIVE\"", "\"TRIAL\"");
		create(trial);

		// 10 × ¥120,000 / 12 + 5 × ¥2,000 = ¥110,000; the trial is not revenue.
		mvc.perform(get("/api/v1/accounts/" + account).header("Authorization", accounts.token()))
			.andExpect(jsonPath("$.mrr.amount").value(110000.0))
			.andExpect(jsonPath("$.mrr.currency").value("JPY"))
			.andExpect(jsonPath("$.renewalDate").value(start.plusMonths(3).toString()));

		SignedInUser viewer = new TestUsers(context).create(Role.VIEWER);
		mvc.perform(get("/accounts/" + account).with(user(viewer)).header("Accept-Language", "ja"))
			.andExpect(content().string(containsString("￥110,000")))
			.andExpect(content().string(containsString("￥1,320,000")));
		mvc.perform(get("/accounts/" + account + "/subscriptions").with(user(viewer)).header("Accept-Language", "ja"))
			.andExpect(content().string(containsString("Kizuna Cloud")))
			.andExpect(content().string(containsString("年額")))
			.andExpect(content().string(containsString("トライアル")))
			.andExpect(content().string(containsString("￥100,000")));
	}

	@Test
	void otherCurrenciesAreShownAlsoInTheReportingCurrency() throws Exception {
		String account = accounts.create();
		create(body(account, 3, "1200.00", "USD", "ANNUAL", LocalDate.now(), LocalDate.now().plusYears(1), ""));
		mvc.perform(get("/api/v1/accounts/" + account).header("Authorization", accounts.token()))
			.andExpect(jsonPath("$.mrr.amount").value(300.0))
			.andExpect(jsonPath("$.mrr.currency").value("USD"))
			.andExpect(jsonPath("$.mrrReporting.amount").value(45000.0))
			.andExpect(jsonPath("$.mrrReporting.currency").value("JPY"));
		// An account bills in one currency.
		mvc.perform(api(post("/api/v1/subscriptions"))
			.content(body(account, 1, "100", "EUR", "MONTHLY", LocalDate.now(), null, "")))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.detail").value(containsString("USD")));
	}

	@Test
	void everyChangeIsKeptWithWhoWhenAndTheMrrBeforeAndAfter() throws Exception {
		String account = accounts.create();
		LocalDate start = LocalDate.of(2026, 1, 1);
		String id = create(body(account, 10, "5000", "JPY", "MONTHLY", start, start.plusYears(3), ""));
		mvc.perform(api(put("/api/v1/subscriptions/" + id))
			.content(body(account, 15, "5000", "JPY", "MONTHLY", start, start.plusYears(3),
					",\"effectiveDate\":\"2026-06-01\",\"version\":1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.mrr.amount").value(75000.0))
			.andExpect(jsonPath("$.version").value(2));
		// A stale version is refused.
		mvc.perform(api(put("/api/v1/subscriptions/" + id))
			.content(body(account, 20, "5000", "JPY", "MONTHLY", start, start.plusYears(3), ",\"version\":1")))
			.andExpect(status().isConflict());

		mvc.perform(get("/api/v1/subscriptions/" + id + "/history").header("Authorization", accounts.token()))
			.andExpect(jsonPath("$", hasSize(2)))
			.andExpect(jsonPath("$[0].kind").value("CHANGED"))
			.andExpect(jsonPath("$[0].fields[0]").value("quantity"))
			.andExpect(jsonPath("$[0].effectiveDate").value("2026-06-01"))
			.andExpect(jsonPath("$[0].mrrBefore.amount").value(50000.0))
			.andExpect(jsonPath("$[0].mrrAfter.amount").value(75000.0))
			.andExpect(jsonPath("$[0].recordedBy").value(containsString("Test")))
			.andExpect(jsonPath("$[1].kind").value("CREATED"))
			.andExpect(jsonPath("$[1].effectiveDate").value("2026-01-01"));

		SignedInUser viewer = new TestUsers(context).create(Role.VIEWER);
		mvc.perform(get("/accounts/" + account + "/subscriptions").with(user(viewer)))
			.andExpect(content().string(containsString("MRR ¥50,000 → ¥75,000")))
			.andExpect(content().string(containsString("Seats")));
	}

	@Test
	void upsertByBillingIdIsIdempotent() throws Exception {
		String account = accounts.create();
		String externalId = "sub_" + UUID.randomUUID().toString().substring(0, 8);
		String request = body(account, 4, "10000", "JPY", "MONTHLY", LocalDate.of(2026, 3, 1), null, "");
		String first = mvc.perform(api(put("/api/v1/subscriptions/external/" + externalId)).content(request))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		String id = JsonPath.read(first, "$.id");
		mvc.perform(api(put("/api/v1/subscriptions/external/" + externalId)).content(request))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(id))
			.andExpect(jsonPath("$.version").value(1));
		mvc.perform(get("/api/v1/subscriptions/" + id + "/history").header("Authorization", accounts.token()))
			.andExpect(jsonPath("$", hasSize(1)));
		mvc.perform(get("/api/v1/subscriptions").param("account", account).header("Authorization", accounts.token()))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].externalId").value(externalId));
	}

	@Test
	void badTermsAreExplainedOnTheApiAndOnTheForm() throws Exception {
		String account = accounts.create();
		mvc.perform(api(post("/api/v1/subscriptions")).header("Accept-Language", "ja")
			.content(body(account, 1, "980.5", "JPY", "MONTHLY", LocalDate.now(), null, "")))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("小数点以下 0 桁")));
		mvc.perform(api(post("/api/v1/subscriptions"))
			.content(body(account, 0, "-1", "JPY", "MONTHLY", LocalDate.now(), null, "")))
			.andExpect(status().isBadRequest());
		mvc.perform(api(post("/api/v1/subscriptions"))
			.content(body(UUID.randomUUID().toString(), 1, "100", "JPY", "MONTHLY", LocalDate.now(), null, "")))
			.andExpect(status().isNotFound());

		SignedInUser csm = new TestUsers(context).create(Role.CSM);
		mvc.perform(post("/accounts/" + account + "/subscriptions").with(user(csm)).with(csrf())
			.header("Accept-Language", "ja")
			.param("product", "Kizuna").param("quantity", "3").param("unitPrice", "1000")
			.param("currency", "JPY").param("period", "MONTHLY").param("status", "ACTIVE")
			.param("startDate", "2026-05-01").param("endDate", "2026-04-01"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("終了日は開始日より後にしてください")))
			.andExpect(content().string(containsString("value=\"Kizuna\"")));
		mvc.perform(post("/accounts/" + account + "/subscriptions").with(user(csm)).with(csrf())
			.param("product", "").param("quantity", "x").param("currency", "JPY").param("period", "MONTHLY")
			.param("status", "ACTIVE"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("subscriptionForm", "product", "quantity", "unitPrice",
					"startDate"))
			.andExpect(content().string(containsString("Enter a whole number.")));
		mvc.perform(get("/api/v1/subscriptions").param("account", account).header("Authorization", accounts.token()))
			.andExpect(jsonPath("$.total").value(0));
	}

	@Test
	void aCsmAddsAndEditsOnThePagesAndOnlyAnAdminDeletes() throws Exception {
		String account = accounts.create();
		SignedInUser csm = new TestUsers(context).create(Role.CSM);
		mvc.perform(get("/accounts/" + account + "/subscriptions/new").with(user(csm)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Unit price")));
		mvc.perform(post("/accounts/" + account + "/subscriptions").with(user(csm)).with(csrf())
			.param("product", "Kizuna Cloud").param("plan", "Enterprise").param("quantity", "100")
			.param("unitPrice", "1500000").param("currency", "JPY").param("period", "MULTI_YEAR")
			.param("termMonths", "36").param("status", "ACTIVE").param("startDate", "2026-01-01")
			.param("endDate", "2029-01-01").param("autoRenew", "true"))
			.andExpect(redirectedUrlPattern("/accounts/*"));
		String list = mvc.perform(get("/api/v1/subscriptions").param("account", account)
			.header("Authorization", accounts.token())).andReturn().getResponse().getContentAsString();
		String id = JsonPath.read(list, "$.items[0].id");
		assertThat((Double) JsonPath.read(list, "$.items[0].mrr.amount")).isEqualTo(4_166_666.6667);

		mvc.perform(get("/subscriptions/" + id + "/edit").with(user(csm)))
			.andExpect(content().string(containsString("value=\"Kizuna Cloud\"")));
		mvc.perform(post("/subscriptions/" + id).with(user(csm)).with(csrf())
			.param("product", "Kizuna Cloud").param("plan", "Enterprise").param("quantity", "100")
			.param("unitPrice", "1500000").param("currency", "JPY").param("period", "MULTI_YEAR")
			.param("termMonths", "36").param("status", "CANCELLED").param("cancelledOn", "2026-08-01")
			.param("cancellationReason", "予算削減").param("startDate", "2026-01-01").param("endDate", "2029-01-01")
			.param("version", "1"))
			.andExpect(redirectedUrlPattern("/accounts/*"));
		mvc.perform(get("/api/v1/accounts/" + account).header("Authorization", accounts.token()))
			.andExpect(jsonPath("$.mrr").value(org.hamcrest.Matchers.nullValue()));

		mvc.perform(post("/subscriptions/" + id + "/delete").with(user(csm)).with(csrf()))
			.andExpect(status().isForbidden());
		SignedInUser admin = new TestUsers(context).create(Role.ADMIN);
		mvc.perform(delete("/api/v1/subscriptions/" + id).header("Authorization",
				"Bearer " + new TestUsers(context).tokenFor(admin)))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/subscriptions/" + id).header("Authorization", accounts.token()))
			.andExpect(status().isNotFound());
	}

	@Test
	void contractsPastTheirEndRenewOrExpire() throws Exception {
		String account = accounts.create();
		LocalDate start = LocalDate.now().minusMonths(13);
		String renewing = create(body(account, 2, "60000", "JPY", "ANNUAL", start, start.plusYears(1), ""));
		String ending = create(body(account, 1, "1000", "JPY", "MONTHLY", start, start.plusMonths(1), "")
			.replace("\"autoRenew\":true", "\"autoRenew\":false"));

		renewals.run();

		mvc.perform(get("/api/v1/subscriptions/" + renewing).header("Authorization", accounts.token()))
			.andExpect(jsonPath("$.status").value("ACTIVE"))
			.andExpect(jsonPath("$.endDate").value(start.plusYears(2).toString()));
		mvc.perform(get("/api/v1/subscriptions/" + renewing + "/history").header("Authorization", accounts.token()))
			.andExpect(jsonPath("$[0].kind").value("RENEWED"))
			.andExpect(jsonPath("$[0].effectiveDate").value(start.plusYears(1).toString()));
		mvc.perform(get("/api/v1/subscriptions/" + ending).header("Authorization", accounts.token()))
			.andExpect(jsonPath("$.status").value("EXPIRED"));
		mvc.perform(get("/api/v1/accounts/" + account).header("Authorization", accounts.token()))
			.andExpect(jsonPath("$.mrr.amount").value(10000.0))
			.andExpect(jsonPath("$.renewalDate").value(start.plusYears(2).toString()));
	}

	@Test
	void theAccountTableFiltersByRenewalWithinDaysAndSortsByMrr() throws Exception {
		String prefix = "Renewal " + UUID.randomUUID().toString().substring(0, 6);
		String soon = accounts.create(prefix + " soon");
		String later = accounts.create(prefix + " later");
		LocalDate today = LocalDate.now();
		create(body(soon, 1, "10000", "JPY", "MONTHLY", today.minusMonths(1), today.plusDays(20), ""));
		create(body(later, 10, "10000", "JPY", "MONTHLY", today.minusMonths(1), today.plusDays(80), ""));
		SignedInUser viewer = new TestUsers(context).create(Role.VIEWER);

		String within30 = mvc.perform(get("/accounts").param("q", prefix).param("renewal", "30").with(user(viewer)))
			.andReturn().getResponse().getContentAsString();
		assertThat(within30).contains(prefix + " soon").doesNotContain(prefix + " later");
		String within90 = mvc.perform(get("/accounts").param("q", prefix).param("renewal", "90")
			.param("sort", "mrr").param("dir", "desc").with(user(viewer)))
			.andReturn().getResponse().getContentAsString();
		assertThat(within90.indexOf(prefix + " later")).isPositive().isLessThan(within90.indexOf(prefix + " soon"));
		assertThat(within90).contains("¥100,000");
		mvc.perform(get("/api/v1/accounts").param("q", prefix).param("renewal", "30")
			.header("Authorization", accounts.token()))
			.andExpect(jsonPath("$.total").value(1));
	}

	@Autowired
	ReportingRates reportingRates;

	@Autowired
	io.kizuna.subscriptions.CurrencyRates currencyRates;

	@Test
	void newExchangeRatesApplyToTheReportingMrrOfEveryAccountAtStart() throws Exception {
		String account = accounts.create();
		create(body(account, 3, "1200.00", "USD", "ANNUAL", LocalDate.now(), LocalDate.now().plusYears(1), ""));
		var before = new java.util.TreeMap<>(currencyRates.getRates());
		try {
			var changed = new java.util.TreeMap<>(before);
			changed.put("USD", new java.math.BigDecimal("100"));
			currencyRates.setRates(changed);
			reportingRates.apply();
			mvc.perform(get("/api/v1/accounts/" + account).header("Authorization", accounts.token()))
				.andExpect(jsonPath("$.mrr.amount").value(300.0))
				.andExpect(jsonPath("$.mrrReporting.amount").value(30000.0));
		}
		finally {
			currencyRates.setRates(before);
			reportingRates.apply();
		}
		mvc.perform(get("/api/v1/accounts/" + account).header("Authorization", accounts.token()))
			.andExpect(jsonPath("$.mrrReporting.amount").value(45000.0));
	}
}
