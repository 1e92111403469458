package io.kizuna.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.kizuna.accounts.AccountId;
import io.kizuna.accounts.AccountRecords.AccountHealth;
import io.kizuna.accounts.LifecycleStage;
import io.kizuna.shared.PageQuery;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The account table's health columns are rewritten in place in the index (a few numbers per account):
 * filters and sorts must follow every change, also when a new segment takes a place others held, and
 * a whole account re-indexed after an edit must keep its health.
 */
class AccountSearchIndexHealthTests {

	private final AccountSearchIndex index = new AccountSearchIndex(new SizeBands(100, 1000));

	private final List<Account> accounts = List.of(account("A 0"), account("A 1"), account("A 2"), account("A 3"));

	/** What the index was last told, as AccountIndexing keeps it. */
	private final Map<AccountId, AccountHealth> told = new HashMap<>();

	@AfterEach
	void close() throws Exception {
		index.close();
	}

	private static Account account(String name) {
		return new Account(AccountId.random(), new AccountDetails(name, List.of(), null, null, null, null,
				LifecycleStage.ADOPTION, null, null, null, null, Map.of()), Instant.EPOCH, Instant.EPOCH, 0, null);
	}

	/** As AccountIndexing does: learn the words, then rewrite what changed (everything when places moved). */
	private void tell(Map<Integer, AccountHealth> health) {
		Map<AccountId, AccountHealth> changed = new HashMap<>();
		health.forEach((i, h) -> changed.put(accounts.get(i).id(), h));
		Map<AccountId, AccountHealth> before = new HashMap<>(told);
		told.putAll(changed);
		if (index.learn(changed.values())) {
			index.updateHealth(Map.copyOf(told), Map.of());
		}
		else {
			index.updateHealth(changed, before);
		}
	}

	private List<String> names(String band, String segment, String sort, boolean ascending) {
		return index.search(new AccountQuery(null, null, null, null, null, null, null, Map.of(),
				new PageQuery(0, 50, sort, ascending), band, segment), Map.of())
			.ids()
			.stream()
			.map(id -> accounts.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow().details().name())
			.toList();
	}

	@Test
	void filtersAndSortsFollowEachChange() {
		index.put(accounts);
		tell(Map.of(0, new AccountHealth(80, "GOOD", 5, "m"), 1, new AccountHealth(30, "AT_RISK", -20, "z"), 2,
				new AccountHealth(55, "NEUTRAL", null, "m")));

		assertThat(names(null, null, "health", true)).containsExactly("A 1", "A 2", "A 0", "A 3");
		List<String> byTrend = names(null, null, "trend", false);
		// Descending, accounts without a value come first (as SQL's nulls did), then by id.
		assertThat(byTrend.subList(0, 2)).containsExactlyInAnyOrder("A 2", "A 3");
		assertThat(byTrend.subList(2, 4)).containsExactly("A 0", "A 1");
		assertThat(names("AT_RISK", null, "name", true)).containsExactly("A 1");
		assertThat(names(null, "m", "name", true)).containsExactly("A 0", "A 2");
		assertThat(names("NO_SUCH_BAND", null, "name", true)).isEmpty();

		tell(Map.of(1, new AccountHealth(90, "GOOD", 60, "z")));
		assertThat(names(null, null, "health", false)).containsExactly("A 3", "A 1", "A 0", "A 2");
		assertThat(names("AT_RISK", null, "name", true)).isEmpty();
		assertThat(names("GOOD", "z", "name", true)).containsExactly("A 1");
	}

	@Test
	void aNewSegmentThatSortsFirstMovesEveryPlaceAndAllStillMatch() {
		index.put(accounts);
		tell(Map.of(0, new AccountHealth(80, "GOOD", 5, "m"), 1, new AccountHealth(30, "AT_RISK", -20, "z"), 2,
				new AccountHealth(55, "NEUTRAL", null, "m")));

		tell(Map.of(3, new AccountHealth(10, "AT_RISK", 0, "a")));

		List<String> bySegment = names(null, null, "segment", true);
		assertThat(bySegment).startsWith("A 3").endsWith("A 1");
		assertThat(bySegment.subList(1, 3)).containsExactlyInAnyOrder("A 0", "A 2");
		assertThat(names(null, "m", "name", true)).containsExactly("A 0", "A 2");
		assertThat(names(null, "z", "name", true)).containsExactly("A 1");
		assertThat(names("AT_RISK", null, "name", true)).containsExactly("A 1", "A 3");
	}

	@Test
	void anAccountIndexedAgainKeepsItsHealth() {
		index.put(accounts);
		tell(Map.of(1, new AccountHealth(90, "GOOD", 60, "z")));

		// An edit re-indexes the whole document, built from the account with its health.
		index.put(List.of(accounts.get(1).withHealth(told.get(accounts.get(1).id()))));

		assertThat(names("GOOD", "z", "health", false)).containsExactly("A 1");
		assertThat(names(null, null, "health", true)).first().isEqualTo("A 1");
	}
}
