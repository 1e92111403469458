package io.kizuna.timeline.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;

import io.kizuna.accounts.AccountId;
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
import org.springframework.test.web.servlet.MvcResult;

@KizunaIntegrationTest
class TimelineIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	TimelineBroadcast broadcast;

	private TestAccounts accounts;

	private SignedInUser viewer;

	@BeforeEach
	void setUp() {
		accounts = new TestAccounts(mvc, context);
		viewer = new TestUsers(context).create(Role.VIEWER);
	}

	private String timeline(String account, String kind, String language) throws Exception {
		var request = get("/accounts/" + account + "/timeline").with(user(viewer)).header("Accept-Language", language);
		if (kind != null) {
			request.param("kind", kind);
		}
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private void logActivity(String account, String subject) throws Exception {
		mvc.perform(post("/api/v1/activities").header("Authorization", accounts.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"accountId\":\"%s\",\"kind\":\"CALL\",\"occurredAt\":\"2026-11-02T01:00:00Z\",\"subject\":\"%s\"}"
				.formatted(account, subject)))
			.andExpect(status().isCreated());
	}

	@Test
	void everyModuleWritesToTheAccountsTimelineNewestFirst() throws Exception {
		String account = accounts.create("タイムライン株式会社");
		logActivity(account, "導入キックオフの電話");
		mvc.perform(post("/api/v1/subscriptions").header("Authorization", accounts.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"accountId":"%s","product":"Kizuna Cloud","quantity":5,"unitPrice":"10000","currency":"JPY",
					 "billingPeriod":"MONTHLY","startDate":"%s","autoRenew":false,"status":"ACTIVE"}"""
				.formatted(account, LocalDate.now())))
			.andExpect(status().isCreated());
		mvc.perform(put("/api/v1/accounts/" + account).header("Authorization", accounts.token())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"タイムライン株式会社\",\"stage\":\"ADOPTION\",\"plan\":\"Pro\"}"))
			.andExpect(status().isOk());

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			String page = timeline(account, null, "ja");
			assertThat(page).contains("導入キックオフの電話", "電話", "契約追加", "Kizuna Cloud", "MRR ￥0 → ￥50,000",
					"顧客情報編集", "ステージ", "プラン", "顧客作成");
			assertThat(page.indexOf("顧客情報編集")).isLessThan(page.indexOf("顧客作成"));
		});
		String activitiesOnly = timeline(account, "ACTIVITY", "en");
		assertThat(activitiesOnly).contains("導入キックオフの電話").doesNotContain("Subscription added", "Account edited");
	}

	@Test
	void anOpenPageIsToldAsSoonAsSomethingIsAdded() throws Exception {
		String account = accounts.create();
		MvcResult stream = mvc.perform(get("/accounts/" + account + "/timeline/stream").with(user(viewer)))
			.andExpect(request().asyncStarted())
			.andReturn();
		assertThat(broadcast.listening(AccountId.valueOf(account))).isEqualTo(1);
		assertThat(stream.getResponse().getContentAsString()).contains("event:ready");

		logActivity(account, "Live note");

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(stream.getResponse().getContentAsString()).contains("event:changed"));
		assertThat(timeline(account, null, "en")).contains("Live note");
	}
}
