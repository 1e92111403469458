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

	@Test
	void textSortsHoldAcrossSegmentsWithEmptyValuesLastAscendingAndFirstDescending() {
		// Each put is a segment of its own: the order must come from the whole index's dictionary.
		List<String> names = List.of("Orbit", "アルファ商事", "beta", "Zeta", "alpha", "Mango", "ミライ", "delta", "Kite");
		List<Account> accounts = IntStream.range(0, names.size())
			.mapToObj(i -> new Account(new AccountId(new UUID(0, i)), new AccountDetails(names.get(i), List.of(), null, null,
					null, i % 3 == 0 ? null : "Plan " + (char) ('A' + i % 4), LifecycleStage.ADOPTION, null, null, null, null,
					Map.of()), Instant.EPOCH, Instant.EPOCH, 0, null))
			.toList();
		index.put(accounts.subList(0, 3));
		index.put(accounts.subList(3, 6));
		index.put(accounts.subList(6, 9));

		Comparator<Account> byName = Comparator.comparing(a -> a.details().name().toLowerCase(java.util.Locale.ROOT));
		assertThat(page(0, "name", true)).isEqualTo(accounts.stream().sorted(byName).map(Account::id).toList());
		assertThat(page(0, "name", false))
			.isEqualTo(accounts.stream().sorted(byName.reversed()).map(Account::id).toList());

		Comparator<Account> byPlan = Comparator.comparing((Account a) -> a.details().plan(),
				Comparator.nullsLast(Comparator.naturalOrder()));
		Comparator<Account> byId = Comparator.comparing(a -> a.id().toString());
		assertThat(page(0, "plan", true))
			.isEqualTo(accounts.stream().sorted(byPlan.thenComparing(byId)).map(Account::id).toList());
		assertThat(page(0, "plan", false))
			.isEqualTo(accounts.stream().sorted(byPlan.reversed().thenComparing(byId)).map(Account::id).toList());
		assertThat(page(0, "plan", false).getFirst()).isEqualTo(accounts.getFirst().id()); // no plan: first descending
	}

	@Test
	void pagesDeepInALargeIndexHoldTheExactOrderWhereSortsSkipDocuments() {
		// Enough accounts for the sort to prune with its keys, names that share their first seven bytes
		// and more (株式会社 is twelve), ties, and accounts without employees or plan.
		java.util.Random random = new java.util.Random(7);
		List<String> stems = List.of("株式会社テック", "株式会社テクノ", "株式会社", "Techno", "Technology", "techno");
		List<Account> accounts = IntStream.range(0, 3000)
			.mapToObj(i -> new Account(new AccountId(new UUID(random.nextLong(), random.nextLong())),
					new AccountDetails(stems.get(random.nextInt(stems.size())) + random.nextInt(400), List.of(), null,
							random.nextInt(10) == 0 ? null : random.nextInt(500), null,
							random.nextInt(5) == 0 ? null : "Plan " + random.nextInt(3),
							LifecycleStage.values()[random.nextInt(LifecycleStage.values().length)], null, null, null,
							null, Map.of()),
					Instant.EPOCH, Instant.EPOCH, 0, null))
			.toList();
		index.put(accounts.subList(0, 2000));
		index.put(accounts.subList(2000, 3000));

		Comparator<Account> byId = Comparator.comparing(a -> a.id().toString());
		Map<String, Comparator<Account>> columns = Map.of(
				"name", Comparator.comparing(a -> a.details().name().toLowerCase(java.util.Locale.ROOT)),
				"employees", Comparator.comparing(a -> a.details().employeeCount(),
						Comparator.nullsLast(Comparator.naturalOrder())),
				"plan", Comparator.comparing(a -> a.details().plan(), Comparator.nullsLast(Comparator.naturalOrder())),
				"stage", Comparator.comparing(a -> a.details().stage().name()));
		columns.forEach((sort, column) -> {
			for (boolean ascending : List.of(true, false)) {
				List<AccountId> expected = accounts.stream()
					.sorted((ascending ? column : column.reversed()).thenComparing(byId))
					.map(Account::id)
					.toList();
				for (int page : List.of(0, 1, 7, 40)) {
					assertThat(page(page, sort, ascending)).as("%s %s page %d", sort, ascending ? "asc" : "desc", page)
						.isEqualTo(expected.subList(page * 25, page * 25 + 25));
				}
			}
		});
	}

	@Test
	void aTextKeyOrdersAsTheTextsBytesDoUpToItsLength() {
		List<String> texts = List.of("", "a", "ab", "abcdefg", "abcdefgh", "b", "zzzzzzzzzz", "株", "株式会社", "ｱ", "\uffff");
		for (String a : texts) {
			for (String b : texts) {
				int bytes = java.util.Arrays.compareUnsigned(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
						b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
				int keys = Long.compare(PrunableSort.prefix(a), PrunableSort.prefix(b));
				if (keys != 0) {
					assertThat(Integer.signum(keys)).as("%s vs %s", a, b).isEqualTo(Integer.signum(bytes));
				}
				assertThat(PrunableSort.prefix(a)).isNotNegative().isLessThan(PrunableSort.MISSING);
			}
		}
	}
}
