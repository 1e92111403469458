package io.kizuna.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.kizuna.accounts.LifecycleStage;
import io.kizuna.accounts.SizeBand;
import io.kizuna.accounts.internal.DemoGenerator.Customer;
import io.kizuna.identity.UserId;

import org.junit.jupiter.api.Test;

class DemoCompanyTests {

	private static final Instant NOW = Instant.parse("2026-04-01T03:00:00Z");

	private static final SizeBands BANDS = new SizeBands(100, 1000);

	private static final List<UserId> CSMS = List.of(UserId.random(), UserId.random(), UserId.random());

	private static final List<UserId> SALES = List.of(UserId.random(), UserId.random());

	private static final List<Customer> TEN_THOUSAND = generate(42, CSMS, SALES, 10_000);

	private static List<Customer> generate(long seed, List<UserId> csms, List<UserId> sales, int count) {
		DemoGenerator generator = new DemoGenerator(seed, BANDS, csms, sales, NOW);
		return IntStream.range(0, count).mapToObj(i -> generator.next()).toList();
	}

	private static List<Account> accounts() {
		return TEN_THOUSAND.stream().map(Customer::account).toList();
	}

	private static List<Contact> contacts() {
		return TEN_THOUSAND.stream().flatMap(c -> c.contacts().stream()).toList();
	}

	private static double percent(Predicate<Account> matching) {
		return 100.0 * accounts().stream().filter(matching).count() / TEN_THOUSAND.size();
	}

	@Test
	void theSameSeedGivesTheSameCustomersIdsIncluded() {
		assertThat(generate(42, CSMS, SALES, 500)).isEqualTo(TEN_THOUSAND.subList(0, 500));
	}

	@Test
	void anotherSeedGivesOtherCustomers() {
		List<String> names = generate(43, CSMS, SALES, 50).stream().map(c -> c.account().details().name()).toList();
		List<String> original = TEN_THOUSAND.subList(0, 50).stream().map(c -> c.account().details().name()).toList();
		assertThat(names).isNotEqualTo(original);
		assertThat(generate(43, CSMS, SALES, 1).getFirst().account().id())
			.isNotEqualTo(TEN_THOUSAND.getFirst().account().id());
	}

	@Test
	void whoIsThereChangesOnlyTheOwners() {
		List<Customer> unowned = generate(42, List.of(), List.of(), 200);
		for (int i = 0; i < unowned.size(); i++) {
			AccountDetails without = unowned.get(i).account().details();
			AccountDetails with = TEN_THOUSAND.get(i).account().details();
			assertThat(without.ownerCsm()).isNull();
			assertThat(without.accountExecutive()).isNull();
			assertThat(without.name()).isEqualTo(with.name());
			assertThat(without.domains()).isEqualTo(with.domains());
			assertThat(unowned.get(i).contacts()).isEqualTo(TEN_THOUSAND.get(i).contacts());
		}
	}

	@Test
	void idsDomainsAndEmailsAreUniqueAndValid() {
		List<String> domains = accounts().stream().flatMap(a -> a.details().domains().stream()).toList();
		assertThat(domains).hasSize(TEN_THOUSAND.size()).doesNotHaveDuplicates();
		assertThat(AccountRules.validDomains(domains)).isTrue();
		assertThat(domains).allMatch(d -> d.endsWith(".example.jp") || d.endsWith(".example.com"));
		assertThat(accounts().stream().map(Account::id)).doesNotHaveDuplicates();

		List<String> salesforce = accounts().stream().map(a -> a.details().salesforceId()).filter(id -> id != null).toList();
		assertThat(salesforce).doesNotHaveDuplicates().allMatch(id -> id.matches("0015g[0-9A-Za-z]{10}"));
		List<String> hubspot = accounts().stream().map(a -> a.details().hubspotId()).filter(id -> id != null).toList();
		assertThat(hubspot).doesNotHaveDuplicates().allMatch(id -> id.matches("[0-9]{10}"));

		assertThat(contacts().stream().map(Contact::email)).doesNotHaveDuplicates()
			.allMatch(email -> email.matches("[a-z0-9.-]+@[a-z0-9.-]+"));
		assertThat(contacts().stream().map(Contact::id)).doesNotHaveDuplicates();
	}

	@Test
	void crmIdsAreAsCommonAsIntended() {
		assertThat(percent(a -> a.details().salesforceId() != null)).isCloseTo(70, within(2.0));
		assertThat(percent(a -> a.details().hubspotId() != null)).isCloseTo(20, within(2.0));
	}

	@Test
	void stagesFollowPlausibleProportions() {
		Map<LifecycleStage, Double> share = shares(a -> a.details().stage());
		assertThat(share.get(LifecycleStage.CHURNED)).isCloseTo(8, within(1.5));
		assertThat(share.get(LifecycleStage.ONBOARDING)).isCloseTo(10, within(1.5));
		assertThat(share.get(LifecycleStage.EXPANSION)).isCloseTo(12, within(1.5));
		assertThat(share.get(LifecycleStage.ADOPTION) + share.get(LifecycleStage.RENEWAL)).isGreaterThan(65);
	}

	@Test
	void manySmallCustomersFewEnterprisesAndPlansFollowSize() {
		Map<SizeBand, Double> share = shares(a -> BANDS.of(a.details().employeeCount()));
		assertThat(share.get(SizeBand.SMB)).isGreaterThan(55);
		assertThat(share.get(SizeBand.MID_MARKET)).isBetween(20.0, share.get(SizeBand.SMB));
		assertThat(share.get(SizeBand.ENTERPRISE)).isBetween(5.0, share.get(SizeBand.MID_MARKET));
		assertThat(percent(a -> BANDS.of(a.details().employeeCount()) == SizeBand.ENTERPRISE
				&& "Starter".equals(a.details().plan()))).isZero();
		assertThat(percent(a -> BANDS.of(a.details().employeeCount()) == SizeBand.SMB
				&& "Enterprise".equals(a.details().plan()))).isZero();
	}

	@Test
	void mostlyJapaneseCustomersWithJapaneseContacts() {
		Map<String, Double> share = shares(a -> a.details().country());
		assertThat(share.get("JP")).isCloseTo(62, within(2.0));
		assertThat(share.get("US")).isGreaterThan(share.get("GB"));
		assertThat(share.keySet()).contains("DE", "SG");
		for (Customer customer : TEN_THOUSAND.subList(0, 500)) {
			boolean japanese = "JP".equals(customer.account().details().country());
			assertThat(customer.contacts()).hasSizeBetween(1, 5)
				.allMatch(c -> c.language().equals(japanese ? "ja" : "en"))
				.allMatch(c -> c.email().endsWith("@" + customer.account().details().domains().getFirst()));
			assertThat(customer.contacts().getFirst().role()).isEqualTo(ContactRole.CHAMPION);
		}
		assertThat(accounts().stream().filter(a -> "JP".equals(a.details().country())).map(a -> a.details().name()))
			.anyMatch(name -> name.startsWith("株式会社")).anyMatch(name -> name.endsWith("株式会社"));
		assertThat(accounts().stream().map(a -> a.details().name())).anyMatch(name -> name.endsWith(" GmbH"))
			.anyMatch(name -> name.endsWith(" Inc."));
		assertThat(accounts().subList(0, 500).stream().map(a -> a.details().name()).distinct()).hasSizeGreaterThan(475);
	}

	@Test
	void ownersAreSpreadOverThePeople() {
		Map<UserId, Long> owned = accounts().stream()
			.collect(Collectors.groupingBy(a -> a.details().ownerCsm(), Collectors.counting()));
		assertThat(owned.keySet()).containsExactlyInAnyOrderElementsOf(CSMS);
		assertThat(owned.values()).allMatch(n -> n > 3000);
		assertThat(percent(a -> a.details().accountExecutive() != null)).isCloseTo(85, within(2.0));
	}

	@Test
	void historySpreadsOverThreeYearsAndOnboardingIsRecent() {
		Instant threeYearsAgo = NOW.minus(Duration.ofDays(3 * 365 + 1));
		assertThat(accounts()).allMatch(a -> !a.createdAt().isBefore(threeYearsAgo)
				&& !a.updatedAt().isBefore(a.createdAt()) && !a.updatedAt().isAfter(NOW) && a.version() == 1);
		assertThat(percent(a -> a.createdAt().isBefore(NOW.minus(Duration.ofDays(2 * 365))))).isGreaterThan(20);
		assertThat(accounts()).filteredOn(a -> a.details().stage() == LifecycleStage.ONBOARDING)
			.allMatch(a -> a.createdAt().isAfter(NOW.minus(Duration.ofDays(91))));
		assertThat(contacts()).allMatch(c -> !c.createdAt().isAfter(NOW) && c.createdAt().isAfter(threeYearsAgo));
	}

	private static <K> Map<K, Double> shares(Function<Account, K> key) {
		return accounts().stream()
			.collect(Collectors.groupingBy(key, Collectors.collectingAndThen(Collectors.counting(),
					n -> 100.0 * n / TEN_THOUSAND.size())));
	}
}
