package io.kizuna.accounts.internal;

import static io.kizuna.shared.SqlTimes.instant;
import static io.kizuna.shared.SqlTimes.utc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.kizuna.accounts.AccountChanged;
import io.kizuna.accounts.AccountId;
import io.kizuna.identity.UserId;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The audit history of accounts: who created an account and who changed which field from what to
 * what, one row per changed field in {@code account_change}. Owners are recorded by name, as they
 * were called at the time.
 */
@Repository
class AccountHistory {

	/** Everything one save changed. */
	record ChangeSet(Instant at, UserId by, AccountChanged.Kind kind, List<AccountHistoryEntry.Change> changes) {
	}

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	AccountHistory(JdbcClient jdbc, JdbcTemplate batches) {
		this.jdbc = jdbc;
		this.batches = batches;
	}

	/** The fields that differ between two versions of an account, in form order. */
	static List<AccountHistoryEntry.Change> diff(AccountDetails before, AccountDetails after, Map<UserId, String> names) {
		Map<String, String[]> pairs = new LinkedHashMap<>();
		pairs.put("name", new String[] { before.name(), after.name() });
		pairs.put("domains", new String[] { String.join(", ", before.domains()), String.join(", ", after.domains()) });
		pairs.put("industry", new String[] { before.industry(), after.industry() });
		pairs.put("employees", new String[] { text(before.employeeCount()), text(after.employeeCount()) });
		pairs.put("country", new String[] { before.country(), after.country() });
		pairs.put("plan", new String[] { before.plan(), after.plan() });
		pairs.put("stage", new String[] { text(before.stage()), text(after.stage()) });
		pairs.put("ownerCsm", new String[] { names.get(before.ownerCsm()), names.get(after.ownerCsm()) });
		pairs.put("accountExecutive",
				new String[] { names.get(before.accountExecutive()), names.get(after.accountExecutive()) });
		pairs.put("salesforceId", new String[] { before.salesforceId(), after.salesforceId() });
		pairs.put("hubspotId", new String[] { before.hubspotId(), after.hubspotId() });
		java.util.Set<String> customKeys = new java.util.TreeSet<>(before.custom().keySet());
		customKeys.addAll(after.custom().keySet());
		customKeys.forEach(key -> pairs.put("cf." + key, new String[] { before.custom().get(key), after.custom().get(key) }));
		List<AccountHistoryEntry.Change> changes = new ArrayList<>();
		pairs.forEach((field, values) -> {
			String oldValue = blankToNull(values[0]);
			String newValue = blankToNull(values[1]);
			if (!Objects.equals(oldValue, newValue)) {
				changes.add(new AccountHistoryEntry.Change(field, oldValue, newValue));
			}
		});
		return changes;
	}

	void record(AccountId account, ChangeSet set) {
		recordAll(Map.of(account, set));
	}

	/** Many saves in JDBC batches (imports), one row per changed field, one row for a creation. */
	void recordAll(Map<AccountId, ChangeSet> sets) {
		List<Object[]> rows = new ArrayList<>();
		sets.forEach((account, set) -> {
			UUID changeSet = UUID.randomUUID();
			List<AccountHistoryEntry.Change> changes = set.changes().isEmpty()
					? List.of(new AccountHistoryEntry.Change(null, null, null)) : set.changes();
			for (AccountHistoryEntry.Change change : changes) {
				rows.add(new Object[] { UUID.randomUUID(), account.value(), changeSet, utc(set.at()),
						set.by() == null ? null : set.by().value(), set.kind().name(), change.field(),
						clip(change.oldValue()), clip(change.newValue()) });
			}
		});
		batches.batchUpdate("""
				insert into account_change (id, account_id, change_set, changed_at, changed_by, kind, field,
				                            old_value, new_value)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
	}

	/** The account's history, newest first, each save with all the fields it changed. */
	List<ChangeSet> of(AccountId account, int limit) {
		Map<UUID, ChangeSet> sets = new LinkedHashMap<>();
		jdbc.sql("""
				select change_set, changed_at, changed_by, kind, field, old_value, new_value from account_change
				where account_id = ? and change_set in (select change_set from account_change where account_id = ?
				  group by change_set order by max(changed_at) desc limit ?)
				order by changed_at desc, change_set, id""")
			.params(account.value(), account.value(), limit)
			.query(rs -> {
				UUID id = rs.getObject("change_set", UUID.class);
				UUID by = rs.getObject("changed_by", UUID.class);
				ChangeSet set = sets.computeIfAbsent(id, k -> {
					try {
						return new ChangeSet(instant(rs, "changed_at"), by == null ? null : new UserId(by),
								AccountChanged.Kind.valueOf(rs.getString("kind")), new ArrayList<>());
					}
					catch (java.sql.SQLException e) {
						throw new IllegalStateException(e);
					}
				});
				if (rs.getString("field") != null) {
					set.changes()
						.add(new AccountHistoryEntry.Change(rs.getString("field"), rs.getString("old_value"), rs.getString("new_value")));
				}
			});
		return List.copyOf(sets.values());
	}

	private static String text(Object value) {
		return value == null ? null : value.toString();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

	private static String clip(String value) {
		return value == null || value.length() <= 1000 ? value : value.substring(0, 999) + "…";
	}
}
