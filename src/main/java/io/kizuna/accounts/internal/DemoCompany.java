package io.kizuna.accounts.internal;

import static io.kizuna.shared.SqlTimes.utc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.kizuna.accounts.DemoAccountsCreated;
import io.kizuna.accounts.internal.DemoGenerator.Customer;
import io.kizuna.identity.Role;
import io.kizuna.identity.UserDirectory;
import io.kizuna.identity.UserDirectory.Member;
import io.kizuna.identity.UserId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With {@code kizuna.demo.enabled=true}, fills an installation without accounts with a customer base
 * ({@code kizuna.demo.accounts}, default 500, from {@code kizuna.demo.seed}, default 42), so that a
 * newcomer sees a living product and benchmarks get volume.
 * <p>
 * Rows go in as JDBC batches, 1,000 accounts with their domains and contacts per transaction, because
 * {@link AccountCatalog} checks each account against the database one by one and would take many
 * minutes for 100,000; the generator guarantees by construction what the catalog would check.
 * <p>
 * Runs when the application is ready with order 2, after identity's demo people (order 1) so that
 * owners exist, and before Kizuna reports itself ready for traffic. Owners are the people who hold
 * the CSM or SALES role for real: admins hold every role through the hierarchy and are left out.
 */
@Component
@ConditionalOnBooleanProperty("kizuna.demo.enabled")
class DemoCompany {

	private static final Logger log = LoggerFactory.getLogger(DemoCompany.class);

	private static final int CHUNK = 1_000;

	static final String INSERT_ACCOUNT = """
			insert into account (id, name, industry, employee_count, country, plan, lifecycle_stage, owner_csm_id,
			                     account_executive_id, salesforce_id, hubspot_id, created_at, updated_at, version)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private static final String INSERT_DOMAIN = "insert into account_domain (domain, account_id) values (?, ?)";

	static final String INSERT_CONTACT = """
			insert into contact (id, account_id, name, email, phone, title, role, language, created_at)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private record Domain(String name, UUID account) {
	}

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final UserDirectory directory;

	private final SizeBands bands;

	private final Clock clock;

	private final int accounts;

	private final long seed;

	private final ApplicationEventPublisher events;

	private final AccountIndexing indexing;

	DemoCompany(AccountIndexing indexing, JdbcTemplate jdbc, TransactionTemplate transactions, UserDirectory directory, SizeBands bands,
			Clock clock, ApplicationEventPublisher events, @Value("${kizuna.demo.accounts:500}") int accounts,
			@Value("${kizuna.demo.seed:42}") long seed) {
		this.events = events;
		this.indexing = indexing;
		if (accounts < 0 || accounts > DemoGenerator.MAX_ACCOUNTS) {
			throw new IllegalArgumentException("kizuna.demo.accounts must be between 0 and "
					+ DemoGenerator.MAX_ACCOUNTS + ", got " + accounts);
		}
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.directory = directory;
		this.bands = bands;
		this.clock = clock;
		this.accounts = accounts;
		this.seed = seed;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(2)
	void generate() {
		if (accounts == 0 || !jdbc.queryForList("select id from account limit 1").isEmpty()) {
			return;
		}
		long started = System.nanoTime();
		Instant now = clock.instant();
		var generator = new DemoGenerator(seed, bands, holders(Role.CSM), holders(Role.SALES), now);
		List<Customer> chunk = new ArrayList<>(CHUNK);
		int written = 0;
		long contacts = 0;
		int reportedTenths = 0;
		try {
			while (written < accounts) {
				chunk.clear();
				for (int i = Math.min(CHUNK, accounts - written); i > 0; i--) {
					chunk.add(generator.next());
				}
				contacts += write(chunk);
				events.publishEvent(new DemoAccountsCreated(seed, now, demoAccounts(chunk, written)));
				written += chunk.size();
				int tenths = (int) (written * 10L / accounts);
				if (tenths > reportedTenths && written < accounts) {
					log.info("demo company: {} of {} accounts", count(written), count(accounts));
					reportedTenths = tenths;
				}
			}
		}
		catch (DuplicateKeyException anotherInstanceIsGenerating) {
			log.warn("demo company: stopped after {} accounts, another Kizuna is generating the same data",
					count(written));
			return;
		}
		// Fresh planner statistics: without them PostgreSQL plans the account list for an empty table.
		jdbc.execute("analyze");
		indexing.compact();
		log.info("demo company: {} accounts and {} contacts in {} s (seed {})", count(accounts), count(contacts),
				String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9), seed);
	}

	private static List<DemoAccountsCreated.DemoAccount> demoAccounts(List<Customer> chunk, int firstIndex) {
		List<DemoAccountsCreated.DemoAccount> accounts = new ArrayList<>(chunk.size());
		for (int i = 0; i < chunk.size(); i++) {
			Account a = chunk.get(i).account();
			AccountDetails d = a.details();
			accounts.add(new DemoAccountsCreated.DemoAccount(a.id(), firstIndex + i, d.stage(), d.employeeCount(), d.plan(),
					d.country(), d.ownerCsm(), a.createdAt()));
		}
		return accounts;
	}

	private List<UserId> holders(Role role) {
		Set<UserId> admins = directory.activeWithRole(Role.ADMIN).stream().map(Member::id).collect(Collectors.toSet());
		return directory.activeWithRole(role).stream().map(Member::id).filter(id -> !admins.contains(id)).toList();
	}

	private int write(List<Customer> customers) {
		List<Contact> contacts = customers.stream().flatMap(c -> c.contacts().stream()).toList();
		List<Domain> domains = customers.stream()
			.flatMap(c -> c.account().details().domains().stream().map(d -> new Domain(d, c.account().id().value())))
			.toList();
		transactions.executeWithoutResult(status -> {
			jdbc.batchUpdate(INSERT_ACCOUNT, customers, customers.size(), (ps, customer) -> account(ps, customer.account()));
			jdbc.batchUpdate(INSERT_DOMAIN, domains, domains.size(), (ps, domain) -> {
				ps.setString(1, domain.name());
				ps.setObject(2, domain.account());
			});
			jdbc.batchUpdate(INSERT_CONTACT, contacts, contacts.size(), DemoCompany::contact);
			indexing.changed(customers.stream().map(c -> c.account().id()).toList());
		});
		return contacts.size();
	}

	static void account(PreparedStatement ps, Account account) throws SQLException {
		AccountDetails d = account.details();
		ps.setObject(1, account.id().value());
		ps.setString(2, d.name());
		ps.setString(3, d.industry());
		if (d.employeeCount() == null) {
			ps.setNull(4, Types.INTEGER);
		}
		else {
			ps.setInt(4, d.employeeCount());
		}
		ps.setString(5, d.country());
		ps.setString(6, d.plan());
		ps.setString(7, d.stage().name());
		person(ps, 8, d.ownerCsm());
		person(ps, 9, d.accountExecutive());
		ps.setString(10, d.salesforceId());
		ps.setString(11, d.hubspotId());
		ps.setObject(12, utc(account.createdAt()));
		ps.setObject(13, utc(account.updatedAt()));
		ps.setInt(14, account.version());
	}

	static void contact(PreparedStatement ps, Contact c) throws SQLException {
		ps.setObject(1, c.id());
		ps.setObject(2, c.account().value());
		ps.setString(3, c.name());
		ps.setString(4, c.email());
		ps.setString(5, c.phone());
		ps.setString(6, c.title());
		ps.setString(7, c.role().name());
		ps.setString(8, c.language());
		ps.setObject(9, utc(c.createdAt()));
	}

	private static void person(PreparedStatement ps, int index, UserId person) throws SQLException {
		if (person == null) {
			ps.setNull(index, Types.OTHER);
		}
		else {
			ps.setObject(index, person.value());
		}
	}

	private static String count(long n) {
		return String.format(Locale.ROOT, "%,d", n);
	}
}
