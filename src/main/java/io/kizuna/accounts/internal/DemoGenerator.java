package io.kizuna.accounts.internal;

import static io.kizuna.accounts.internal.DemoNames.COUNTRIES;
import static io.kizuna.accounts.internal.DemoNames.INDUSTRIES;
import static io.kizuna.accounts.internal.DemoNames.STAGES;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.ToIntFunction;

import io.kizuna.accounts.AccountId;
import io.kizuna.accounts.LifecycleStage;
import io.kizuna.accounts.SizeBand;
import io.kizuna.accounts.internal.DemoNames.Country;
import io.kizuna.accounts.internal.DemoNames.Industry;
import io.kizuna.accounts.internal.DemoNames.Share;
import io.kizuna.accounts.internal.DemoNames.Word;
import io.kizuna.identity.UserId;

/**
 * Makes up one plausible customer after another: the same seed, owners and "now" give the same
 * customers, ids included, so that demos and benchmarks can be repeated. Every account draws the
 * same amount of randomness whether or not there are owners to assign, so that the people present
 * change only who owns what.
 * <p>
 * Ids, domains and CRM ids are unique by construction rather than by retrying against what was already
 * made, which keeps 100,000 customers in constant memory: ids carry a serial number, and the numbers
 * in domains and CRM ids are the account's position put through a bijection (a multiplication by a
 * number coprime to the range, plus a seeded offset).
 */
final class DemoGenerator {

	static final int MAX_ACCOUNTS = 1_000_000;

	private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	private static final long SALESFORCE_RANGE = 916_132_832L;

	private static final long HUBSPOT_RANGE = 1_000_000_000L;

	private static final List<ContactRole> FIRST_ROLES = List.of(ContactRole.CHAMPION, ContactRole.DECISION_MAKER,
			ContactRole.ADMIN);

	record Customer(Account account, List<Contact> contacts) {
	}

	private record Name(String text, String slug) {
	}

	private final Random random;

	private final SizeBands bands;

	private final List<UserId> csms;

	private final List<UserId> executives;

	private final Instant now;

	private final long domainOffset;

	private final long salesforceOffset;

	private final long hubspotOffset;

	private final long idPrefix;

	private int position;

	private long serial;

	DemoGenerator(long seed, SizeBands bands, List<UserId> csms, List<UserId> executives, Instant now) {
		this.random = new Random(seed);
		this.bands = bands;
		this.csms = List.copyOf(csms);
		this.executives = List.copyOf(executives);
		this.now = now.truncatedTo(ChronoUnit.SECONDS);
		this.domainOffset = random.nextInt(1_000_000);
		this.salesforceOffset = random.nextLong(SALESFORCE_RANGE);
		this.hubspotOffset = random.nextLong(HUBSPOT_RANGE);
		this.idPrefix = random.nextLong(0x8000L) << 48;
	}

	Customer next() {
		if (position >= MAX_ACCOUNTS) {
			throw new IllegalStateException("The demo company has at most " + MAX_ACCOUNTS + " accounts");
		}
		AccountId id = new AccountId(uuid());
		Country country = pick(COUNTRIES, Country::weight);
		Industry industry = pick(INDUSTRIES, Industry::weight);
		Name name = country.japanese() ? japaneseName(industry) : englishName(industry, country);
		String domain = String.format(Locale.ROOT, "%s-%06d.%s", name.slug(),
				permute(1_000_000, 618_033, domainOffset), country.domain());
		Integer employees = employees();
		String plan = plan(employees);
		LifecycleStage stage = pick(STAGES, Share::weight).value();
		UserId owner = oneOf(csms, 100);
		UserId executive = oneOf(executives, 85);
		String salesforceId = random.nextInt(100) < 70 ? "0015g" + base62(random.nextLong(SALESFORCE_RANGE))
				+ base62(permute(SALESFORCE_RANGE, 387_420_489L, salesforceOffset)) : null;
		String hubspotId = random.nextInt(100) < 20
				? String.valueOf(HUBSPOT_RANGE + permute(HUBSPOT_RANGE, 7_654_321L, hubspotOffset)) : null;
		Instant createdAt = createdAt(stage);
		Account account = new Account(id, new AccountDetails(name.text(), List.of(domain), industry.name(), employees,
				country.code(), plan, stage, owner, executive, salesforceId, hubspotId), createdAt,
				between(createdAt, now), 1, null);
		List<Contact> contacts = contacts(id, domain, country.japanese(), country.phone(), employees, createdAt);
		position++;
		return new Customer(account, contacts);
	}

	private Name japaneseName(Industry industry) {
		Word suffix = pick(industry.japanese());
		if (industry.publicSector()) {
			Word place = pick(DemoNames.KANJI_STEMS);
			return new Name(place.text() + suffix.text(), place.ascii() + "-" + suffix.ascii());
		}
		int kind = random.nextInt(4);
		Word stem = kind == 0 ? pick(DemoNames.KATAKANA_STEMS) : kind == 1 ? pick(DemoNames.KANJI_STEMS) : brandName();
		String text = random.nextInt(100) < 60 ? "株式会社" + stem.text() + suffix.text()
				: stem.text() + suffix.text() + "株式会社";
		return new Name(text, stem.ascii() + "-" + suffix.ascii());
	}

	private Word brandName() {
		StringBuilder text = new StringBuilder();
		StringBuilder ascii = new StringBuilder();
		for (int morae = random.nextInt(2, 4); morae > 0; morae--) {
			Word mora = pick(DemoNames.MORAE);
			text.append(mora.text());
			ascii.append(mora.ascii());
		}
		return new Word(text.toString(), ascii.toString());
	}

	private Name englishName(Industry industry, Country country) {
		String stem = pick(DemoNames.ENGLISH_STEMS) + pick(DemoNames.ENGLISH_ENDINGS);
		String word = pick(industry.english());
		String legalForm = pick(country.legalForms());
		if (industry.publicSector()) {
			String kind = word.replace("%s", "").trim().split(" ")[0];
			return new Name(word.formatted(stem), slug(stem + "-" + kind));
		}
		return new Name(stem + " " + word + " " + legalForm, slug(stem + "-" + word));
	}

	/** Many small customers, fewer mid-market, few enterprises; log-uniform within each band. */
	private Integer employees() {
		int band = random.nextInt(100);
		double spread = random.nextDouble();
		int midMarket = bands.midMarket();
		int enterprise = bands.enterprise();
		if (band < 2) {
			return null;
		}
		if (band < 64) {
			return logUniform(Math.min(5, midMarket - 1), midMarket, spread);
		}
		if (band < 91) {
			return logUniform(midMarket, enterprise, spread);
		}
		return logUniform(enterprise, (int) Math.max(enterprise + 1L, Math.min(enterprise * 50L, 10_000_000)), spread);
	}

	private static int logUniform(int from, int to, double spread) {
		int value = (int) (from - 1 + Math.pow(to - from + 1, spread));
		return Math.max(from, Math.min(to - 1, value));
	}

	private String plan(Integer employees) {
		int roll = random.nextInt(100);
		return switch (bands.of(employees)) {
			case SMB -> roll < 55 ? "Starter" : roll < 95 ? "Growth" : "Business";
			case MID_MARKET -> roll < 35 ? "Growth" : roll < 85 ? "Business" : "Enterprise";
			case ENTERPRISE -> roll < 25 ? "Business" : "Enterprise";
			case UNKNOWN -> roll < 60 ? "Starter" : "Growth";
		};
	}

	/** Onboarding customers are recent; renewing, expanding or churned ones have had a year or so. */
	private Instant createdAt(LifecycleStage stage) {
		int daysAgo = switch (stage) {
			case ONBOARDING -> random.nextInt(0, 90);
			case ADOPTION -> random.nextInt(30, 1095);
			case RENEWAL, EXPANSION, CHURNED -> random.nextInt(300, 1095);
		};
		return now.minusSeconds(daysAgo * 86_400L + random.nextInt(86_400));
	}

	private List<Contact> contacts(AccountId account, String domain, boolean japanese, String phoneTemplate,
			Integer employees, Instant accountCreated) {
		SizeBand band = bands.of(employees);
		int count = switch (band) {
			case SMB -> random.nextInt(1, 4);
			case MID_MARKET -> random.nextInt(2, 5);
			case ENTERPRISE -> random.nextInt(3, 6);
			case UNKNOWN -> random.nextInt(1, 3);
		};
		List<Contact> contacts = new ArrayList<>(count);
		Set<String> taken = new HashSet<>();
		for (int i = 0; i < count; i++) {
			ContactRole role = i < FIRST_ROLES.size() ? FIRST_ROLES.get(i) : ContactRole.END_USER;
			String name;
			String mailbox;
			if (japanese) {
				Word family = pick(DemoNames.FAMILY_NAMES);
				Word given = pick(DemoNames.GIVEN_NAMES);
				name = family.text() + " " + given.text();
				mailbox = given.ascii() + "." + family.ascii();
			}
			else {
				String first = pick(DemoNames.FIRST_NAMES);
				String last = pick(DemoNames.LAST_NAMES);
				name = first + " " + last;
				mailbox = slug(first + "." + last);
			}
			String unique = mailbox;
			for (int n = 2; !taken.add(unique); n++) {
				unique = mailbox + n;
			}
			String title = pick(DemoNames.titles(role, japanese));
			String phone = random.nextInt(100) < 60 ? phone(phoneTemplate) : null;
			contacts.add(new Contact(uuid(), account, name, unique + "@" + domain, phone, title, role,
					japanese ? "ja" : "en", between(accountCreated, now)));
		}
		return contacts;
	}

	private UserId oneOf(List<UserId> people, int percent) {
		int roll = random.nextInt(100);
		int choice = random.nextInt(Integer.MAX_VALUE);
		return people.isEmpty() || roll >= percent ? null : people.get(choice % people.size());
	}

	private String phone(String template) {
		StringBuilder phone = new StringBuilder(template.length());
		for (char c : template.toCharArray()) {
			phone.append(c == '#' ? (char) ('0' + random.nextInt(10)) : c);
		}
		return phone.toString();
	}

	private Instant between(Instant from, Instant to) {
		return from.plusSeconds(random.nextLong(0, to.getEpochSecond() - from.getEpochSecond() + 1));
	}

	private long permute(long range, long coprimeMultiplier, long offset) {
		return Math.floorMod(position * coprimeMultiplier + offset, range);
	}

	/**
	 * A version-8 (custom) UUID: a seeded prefix, a serial number, then randomness. Rising ids let the
	 * primary-key and account_id indexes grow at their end instead of rewriting pages all over them,
	 * which makes 100,000 customers load about a third faster into H2 and halves its file; the version
	 * keeps them apart from the random (version-4) ids of accounts that people add.
	 */
	private UUID uuid() {
		long high = idPrefix | (serial++ << 16) | 0x8000L | random.nextInt(0x1000);
		long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(high, low);
	}

	private <T> T pick(List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	private <T> T pick(List<T> values, ToIntFunction<T> weight) {
		int total = values.stream().mapToInt(weight).sum();
		int roll = random.nextInt(total);
		for (T value : values) {
			roll -= weight.applyAsInt(value);
			if (roll < 0) {
				return value;
			}
		}
		throw new IllegalStateException("unreachable");
	}

	private static String base62(long value) {
		char[] digits = new char[5];
		for (int i = digits.length - 1; i >= 0; i--) {
			digits[i] = BASE62.charAt((int) (value % 62));
			value /= 62;
		}
		return new String(digits);
	}

	private static String slug(String text) {
		return text.toLowerCase(Locale.ROOT).replace(' ', '-');
	}
}
