package io.kizuna.accounts.internal;

import static io.kizuna.shared.SqlTimes.utc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntConsumer;

import io.kizuna.accounts.AccountChanged;
import io.kizuna.accounts.AccountId;
import io.kizuna.identity.UserId;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The bulk reads and writes of an account import: every key once, the matched accounts a thousand at a
 * time, and inserts, updates, domains and audit history as JDBC batches.
 */
@Repository
class AccountImportStore {

	private static final int CHUNK = 1000;

	/** Who owns which key now. */
	record Keys(Map<String, AccountId> salesforce, Map<String, AccountId> hubspot, Map<String, AccountId> domains) {
	}

	private final JdbcTemplate jdbc;

	private final Accounts accounts;

	private final AccountIndexing indexing;

	private final AccountHistory history;

	AccountImportStore(JdbcTemplate jdbc, Accounts accounts, AccountIndexing indexing, AccountHistory history) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.indexing = indexing;
		this.history = history;
	}

	Keys keys() {
		Map<String, AccountId> salesforce = new HashMap<>();
		Map<String, AccountId> hubspot = new HashMap<>();
		jdbc.query("select id, salesforce_id, hubspot_id from account"
				+ " where salesforce_id is not null or hubspot_id is not null", rs -> {
					AccountId id = new AccountId(rs.getObject("id", UUID.class));
					if (rs.getString("salesforce_id") != null) {
						salesforce.put(rs.getString("salesforce_id"), id);
					}
					if (rs.getString("hubspot_id") != null) {
						hubspot.put(rs.getString("hubspot_id"), id);
					}
				});
		Map<String, AccountId> domains = new HashMap<>();
		jdbc.query("select domain, account_id from account_domain",
				rs -> { domains.put(rs.getString("domain"), new AccountId(rs.getObject("account_id", UUID.class))); });
		return new Keys(salesforce, hubspot, domains);
	}

	Map<AccountId, Account> load(List<AccountId> ids) {
		Map<AccountId, Account> loaded = new HashMap<>();
		List<AccountId> distinct = ids.stream().distinct().toList();
		for (int from = 0; from < distinct.size(); from += CHUNK) {
			accounts.findAll(distinct.subList(from, Math.min(distinct.size(), from + CHUNK)))
				.forEach(account -> loaded.put(account.id(), account));
		}
		return loaded;
	}

	void write(List<Account> created, List<Account> updated, Map<AccountId, List<AccountHistoryEntry.Change>> changes,
			UserId by, Instant at, IntConsumer progress) {
		indexing.changed(created.stream().map(Account::id).toList());
		indexing.changed(updated.stream().map(Account::id).toList());
		int done = 0;
		for (int from = 0; from < created.size(); from += CHUNK) {
			List<Account> chunk = created.subList(from, Math.min(created.size(), from + CHUNK));
			jdbc.batchUpdate(DemoCompany.INSERT_ACCOUNT, chunk, chunk.size(), (ps, a) -> DemoCompany.account(ps, a));
			insertDomains(chunk);
			history.recordAll(changeSets(chunk, AccountChanged.Kind.CREATED, Map.of(), by, at));
			done += chunk.size();
			progress.accept(done);
		}
		for (int from = 0; from < updated.size(); from += CHUNK) {
			List<Account> chunk = updated.subList(from, Math.min(updated.size(), from + CHUNK));
			jdbc.batchUpdate("""
					update account set name = ?, industry = ?, employee_count = ?, country = ?, plan = ?,
					       lifecycle_stage = ?, owner_csm_id = ?, salesforce_id = ?, hubspot_id = ?, updated_at = ?,
					       version = version + 1
					where id = ?""", chunk, chunk.size(), (ps, a) -> {
				AccountDetails d = a.details();
				ps.setString(1, d.name());
				ps.setString(2, d.industry());
				ps.setObject(3, d.employeeCount());
				ps.setString(4, d.country());
				ps.setString(5, d.plan());
				ps.setString(6, d.stage().name());
				ps.setObject(7, d.ownerCsm() == null ? null : d.ownerCsm().value());
				ps.setString(8, d.salesforceId());
				ps.setString(9, d.hubspotId());
				ps.setObject(10, utc(a.updatedAt()));
				ps.setObject(11, a.id().value());
			});
			jdbc.batchUpdate("delete from account_domain where account_id = ?", chunk, chunk.size(),
					(ps, a) -> ps.setObject(1, a.id().value()));
			insertDomains(chunk);
			history.recordAll(changeSets(chunk, AccountChanged.Kind.UPDATED, changes, by, at));
			done += chunk.size();
			progress.accept(done);
		}
	}

	private static Map<AccountId, AccountHistory.ChangeSet> changeSets(List<Account> chunk, AccountChanged.Kind kind,
			Map<AccountId, List<AccountHistoryEntry.Change>> changes, UserId by, Instant at) {
		Map<AccountId, AccountHistory.ChangeSet> sets = new HashMap<>();
		chunk.forEach(a -> sets.put(a.id(), new AccountHistory.ChangeSet(at, by, kind, changes.getOrDefault(a.id(), List.of()))));
		return sets;
	}

	private void insertDomains(List<Account> chunk) {
		List<Object[]> domains = new ArrayList<>();
		chunk.forEach(a -> a.details().domains().forEach(d -> domains.add(new Object[] { d, a.id().value() })));
		jdbc.batchUpdate("insert into account_domain (domain, account_id) values (?, ?)", domains);
	}
}
