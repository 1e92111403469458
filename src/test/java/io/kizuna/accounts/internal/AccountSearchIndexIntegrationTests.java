package io.kizuna.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.kizuna.accounts.LifecycleStage;
import io.kizuna.accounts.SizeBand;
import io.kizuna.identity.Role;
import io.kizuna.identity.internal.TestUsers;
import io.kizuna.shared.PageQuery;
import io.kizuna.support.KizunaIntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The search index must answer exactly what the SQL query it replaced answers: the same accounts, the
 * same totals and, where the sort values differ, the same order, for every filter and sort.
 */
@KizunaIntegrationTest
class AccountSearchIndexIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	AccountIndexing indexing;

	@Autowired
	Accounts accounts;

	@Test
	void theIndexAnswersLikeTheDatabase() throws Exception {
		// Until its first build is done the table is answered by SQL, which would make this comparison empty.
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(indexing::ready);
		TestUsers users = new TestUsers(context);
		String token = "Bearer " + users.tokenFor(users.create(Role.CSM));
		String tag = "idx" + UUID.randomUUID().toString().substring(0, 6);
		LifecycleStage[] stages = LifecycleStage.values();
		String[] plans = { "Starter", "Growth", null };
		for (int i = 0; i < 24; i++) {
			String plan = plans[i % 3] == null ? "" : ",\"plan\":\"" + plans[i % 3] + "\"";
			String employees = i % 5 == 0 ? "" : ",\"employeeCount\":" + (i * 97 % 2000 + i);
			String name = (i % 2 == 0 ? "株式会社" + tag + "テスト" + i : tag + " Systems " + i);
			mvc.perform(post("/api/v1/accounts").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"%s\",\"stage\":\"%s\",\"domains\":[\"d%d-%s.example.jp\"]%s%s}".formatted(name,
						stages[i % stages.length], i, tag, plan, employees)))
				.andExpect(status().isCreated());
		}
		List<String> texts = List.of(tag, tag + "テスト1", "テスト", tag.substring(0, 4), "d1" + "-" + tag, "systems 1", "x"
				+ tag);
		for (String text : texts) {
			for (LifecycleStage stage : new LifecycleStage[] { null, LifecycleStage.ADOPTION }) {
				for (SizeBand size : new SizeBand[] { null, SizeBand.SMB, SizeBand.UNKNOWN }) {
					for (String plan : new String[] { null, "Starter" }) {
						for (String sort : List.of("employees", "name", "plan", "stage")) {
							for (boolean ascending : new boolean[] { true, false }) {
								compare(new AccountQuery(text, stage, null, plan, size, null, null, Map.of(),
										new PageQuery(0, 200, sort, ascending)));
							}
						}
					}
				}
			}
		}
		// Paging: the second page of three continues where the first stopped.
		AccountQuery firstPage = new AccountQuery(tag, null, null, null, null, null, null, Map.of(),
				new PageQuery(0, 10, "employees", true));
		AccountQuery secondPage = new AccountQuery(tag, null, null, null, null, null, null, Map.of(),
				new PageQuery(1, 10, "employees", true));
		List<String> all = ids(indexing.search(new AccountQuery(tag, null, null, null, null, null, null, Map.of(),
				new PageQuery(0, 30, "employees", true))).items());
		assertThat(ids(indexing.search(firstPage).items())).isEqualTo(all.subList(0, 10));
		assertThat(ids(indexing.search(secondPage).items())).isEqualTo(all.subList(10, 20));
		assertThat(indexing.search(secondPage).total()).isEqualTo(24);
		// One letter finds every name or domain containing it.
		assertThat(indexing.search(new AccountQuery("社", null, null, null, null, null, null, Map.of(),
				new PageQuery(0, 200, "name", true))).total()).isGreaterThanOrEqualTo(12);
	}

	private void compare(AccountQuery query) {
		var fromIndex = indexing.search(query);
		var fromDatabase = accounts.search(query);
		assertThat(fromIndex.total()).as("total of %s", query).isEqualTo(fromDatabase.total());
		assertThat(ids(fromIndex.items())).as("accounts of %s", query)
			.containsExactlyInAnyOrderElementsOf(ids(fromDatabase.items()));
		if (query.page().sort().equals("employees")) {
			assertThat(fromIndex.items().stream().map(a -> String.valueOf(a.details().employeeCount())).toList())
				.as("order of %s", query)
				.isEqualTo(fromDatabase.items().stream().map(a -> String.valueOf(a.details().employeeCount())).toList());
		}
	}

	private static List<String> ids(List<Account> accounts) {
		return accounts.stream().map(a -> a.id().toString()).toList();
	}
}
