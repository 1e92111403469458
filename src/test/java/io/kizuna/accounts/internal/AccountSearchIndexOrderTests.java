package io.kizuna.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import io.kizuna.accounts.AccountId;
import io.kizuna.accounts.LifecycleStage;
import io.kizuna.shared.PageQuery;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Accounts whose sort values are equal come in the order of their ids' text, as the SQL the index replaced
 * ordered them ({@code order by …, id}), whichever way the column runs: so paging never repeats or skips one.
 */
class AccountSearchIndexOrderTests {

	private final AccountSearchIndex index = new AccountSearchIndex(new SizeBands(100, 1000));

	@AfterEach
	void close() throws Exception {
		index.close();
	}

	private static Account account(UUID id) {
		return new Account(new AccountId(id), new AccountDetails("Same name", List.of(), null, null, null, null,
				LifecycleStage.ADOPTION, null, null, null, null, Map.of()), Instant.EPOCH, Instant.EPOCH, 0, null);
	}

	private List<AccountId> page(int page, String sort, boolean ascending) {
		return index.search(new AccountQuery(null, null, null, null, null, null, null, Map.of(),
				new PageQuery(page, 25, sort, ascending), null, null), Map.of()).ids();
	}

	@Test
	void tiesGoByTheIdsTextOnEveryPage() {
		// Ids on both sides of the sign bit of each half, where a signed comparison of numbers would go wrong.
		List<UUID> ids = IntStream.range(0, 60)
			.mapToObj(i -> new UUID((i % 2 == 0 ? 0x7000_0000_0000_0000L : 0x9000_0000_0000_0000L) + i,
					i % 3 == 0 ? -i : i))
			.toList();
		index.put(ids.stream().map(AccountSearchIndexOrderTests::account).toList());
		List<AccountId> byText = ids.stream()
			.sorted(Comparator.comparing(UUID::toString))
			.map(AccountId::new)
			.toList();

		for (String sort : List.of("name", "stage", "employees")) {
			for (boolean ascending : List.of(true, false)) {
				List<AccountId> seen = new java.util.ArrayList<>();
				for (int page = 0; page < 3; page++) {
					seen.addAll(page(page, sort, ascending));
				}
				assertThat(seen).as("%s %s", sort, ascending ? "ascending" : "descending").isEqualTo(byText);
			}
		}
	}
}
