package io.kizuna.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.kizuna.support.KizunaIntegrationTest;
import io.kizuna.support.TestAccounts;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/** Subscriptions from a billing export through the import API, with a bad date and a duplicate id. */
@KizunaIntegrationTest
class SubscriptionImportIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Test
	void aBillingExportWithABadDateAndADuplicateIdImportsItsValidRowsAndThenNothingTwice() throws Exception {
		TestAccounts accounts = new TestAccounts(mvc, context);
		String tag = UUID.randomUUID().toString().substring(0, 6);
		String account = accounts.create("契約インポート" + tag);
		String salesforceId = "001S" + tag;
		mvc.perform(put("/api/v1/accounts/" + account).header("Authorization", accounts.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"契約インポート%s\",\"stage\":\"ADOPTION\",\"salesforceId\":\"%s\"}".formatted(tag, salesforceId)))
			.andExpect(status().isOk());

		String header = "\uFEFFSubscription ID,Account ID,Product,Quantity,Unit Price,Currency,Billing Period,Start Date,End Date,Auto Renew,Status\n";
		String good = "SUB-%s-1,%s,Kizuna Cloud,10,\"¥3,000\",JPY,月額,2026/04/01,2027/04/01,はい,有効\n".formatted(tag, salesforceId);
		String badDate = "SUB-%s-2,%s,Kizuna Guides,5,800,JPY,monthly,2026-13-01,,no,active\n".formatted(tag, salesforceId);
		String duplicate = "SUB-%s-1,%s,Kizuna Cloud,1,1,JPY,monthly,2026-01-01,,no,active\n".formatted(tag, salesforceId);
		String unknownAccount = "SUB-%s-3,nowhere-%s.example,Kizuna Cloud,1,100,JPY,monthly,2026-01-01,,no,active\n".formatted(tag, tag);

		String job = upload(accounts, header + good + badDate + duplicate + unknownAccount);
		String checked = check(accounts, job);
		assertThat((Integer) JsonPath.read(checked, "$.valid")).isEqualTo(1);
		assertThat((Integer) JsonPath.read(checked, "$.rejected")).isEqualTo(3);
		List<String> reasons = JsonPath.read(checked, "$.problems[*].reason");
		assertThat(reasons.get(0)).contains("2026-13-01", "not a date");
		assertThat(reasons.get(1)).contains("appears already on line 2");
		assertThat(reasons.get(2)).contains("nowhere-" + tag);
		run(accounts, job);
		mvc.perform(get("/api/v1/accounts/" + account).header("Authorization", accounts.token()))
			.andExpect(jsonPath("$.mrr.amount").value(30000.0))
			.andExpect(jsonPath("$.renewalDate").value("2027-04-01"));

		String fixedBadDate = badDate.replace("2026-13-01", "2026-03-01");
		String again = upload(accounts, header + good + fixedBadDate);
		check(accounts, again);
		String status = run(accounts, again);
		assertThat((Integer) JsonPath.read(status, "$.created")).isEqualTo(1);
		assertThat((Integer) JsonPath.read(status, "$.unchanged")).isEqualTo(1);
		mvc.perform(get("/api/v1/accounts/" + account).header("Authorization", accounts.token()))
			.andExpect(jsonPath("$.mrr.amount").value(34000.0));

		String third = upload(accounts, header + good + fixedBadDate);
		check(accounts, third);
		String unchanged = run(accounts, third);
		assertThat((Integer) JsonPath.read(unchanged, "$.created")).isZero();
		assertThat((Integer) JsonPath.read(unchanged, "$.updated")).isZero();
		assertThat((Integer) JsonPath.read(unchanged, "$.unchanged")).isEqualTo(2);
		mvc.perform(get("/api/v1/subscriptions").param("account", account).header("Authorization", accounts.token()))
			.andExpect(jsonPath("$.total").value(2));
	}

	private String upload(TestAccounts accounts, String csv) throws Exception {
		String body = mvc.perform(multipart("/api/v1/imports")
			.file(new MockMultipartFile("file", "billing.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.param("kind", "subscriptions").header("Authorization", accounts.token()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.charset").value("UTF-8 (BOM)"))
			.andExpect(jsonPath("$.suggestedMapping[0]").value("externalId"))
			.andExpect(jsonPath("$.suggestedMapping[1]").value("account"))
			.andExpect(jsonPath("$.suggestedMapping[7]").value("startDate"))
			.andReturn().getResponse().getContentAsString();
		return JsonPath.read(body, "$.id");
	}

	private String check(TestAccounts accounts, String job) throws Exception {
		String mapping = "{\"mapping\":[\"externalId\",\"account\",\"product\",\"quantity\",\"unitPrice\",\"currency\","
				+ "\"period\",\"startDate\",\"endDate\",\"autoRenew\",\"status\"]}";
		return mvc.perform(post("/api/v1/imports/" + job + "/check").header("Authorization", accounts.token())
			.contentType(MediaType.APPLICATION_JSON).content(mapping))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
	}

	private String run(TestAccounts accounts, String job) throws Exception {
		mvc.perform(post("/api/v1/imports/" + job + "/run").header("Authorization", accounts.token()))
			.andExpect(status().isAccepted());
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			String status = mvc.perform(get("/api/v1/imports/" + job).header("Authorization", accounts.token()))
				.andReturn().getResponse().getContentAsString();
			return status.contains("\"DONE\"") || status.contains("\"FAILED\"");
		});
		String status = mvc.perform(get("/api/v1/imports/" + job).header("Authorization", accounts.token()))
			.andReturn().getResponse().getContentAsString();
		assertThat(status).contains("\"DONE\"");
		return status;
	}
}
