package io.kizuna.usage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.kizuna.support.KizunaIntegrationTest;
import io.kizuna.support.TestAccounts;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A flush of a busy window adds thousands of counts at once (by COPY and one MERGE on PostgreSQL, by
 * MERGE statements on H2): every count must be added to what is there, never replace it, and new rows
 * must start from their count.
 */
@KizunaIntegrationTest
class UsageRollupsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	UsageRollups rollups;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void thousandsOfCountsAreAddedToWhatIsThere() throws Exception {
		UUID account = UUID.fromString(new TestAccounts(mvc, context).create("Rollups " + UUID.randomUUID()));
		LocalDate first = LocalDate.of(2026, 1, 1);
		Map<UsageRollups.UserDay, UsageRollups.Use> users = new HashMap<>();
		for (int i = 0; i < 1_200; i++) {
			users.put(new UsageRollups.UserDay(account, first.plusDays(i % 300), "src/user-\"" + i + "\", 山田"),
					new UsageRollups.Use(2, 1, 60));
		}
		transactions.executeWithoutResult(status -> rollups.addUsers(users));
		// Outside a transaction as well: the write makes its own.
		rollups.addUsers(users);

		UsageRollups.Time time = rollups.time(account, first, first.plusDays(299));
		assertThat(time.userDays()).isEqualTo(1_200);
		assertThat(time.sessions()).isEqualTo(2 * 1_200);
		assertThat(time.seconds()).isEqualTo(2 * 60 * 1_200);
		assertThat(rollups.topUsers(account, first, first.plusDays(299), 1)).singleElement()
			.satisfies(top -> assertThat(top.events()).isEqualTo(4));
	}
}
