package io.kizuna.accounts.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.kizuna.accounts.AccountId;
import io.kizuna.accounts.AccountRecords;
import io.kizuna.accounts.AccountRevenue;
import io.kizuna.shared.Money;
import io.kizuna.shared.NotFoundException;

import org.springframework.jdbc.core.JdbcTemplate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The customer record as other modules see it. */
@Service
@Transactional
class AccountRecordKeeper implements AccountRecords {

	private final Accounts accounts;

	private final JdbcTemplate jdbc;

	private final AccountIndexing indexing;

	private final SizeBands sizeBands;

	private final AccountCatalog catalog;

	AccountRecordKeeper(Accounts accounts, JdbcTemplate jdbc, AccountIndexing indexing, SizeBands sizeBands,
			AccountCatalog catalog) {
		this.accounts = accounts;
		this.catalog = catalog;
		this.sizeBands = sizeBands;
		this.jdbc = jdbc;
		this.indexing = indexing;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<AccountSummary> find(AccountId id) {
		return accounts.findById(id).map(account -> new AccountSummary(id, account.details().name()));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<AccountProfile> profile(AccountId id) {
		return accounts.findById(id).map(this::profile);
	}

	@Override
	@Transactional(readOnly = true)
	public List<AccountProfile> profiles(java.util.Collection<AccountId> ids) {
		List<AccountId> distinct = List.copyOf(new java.util.LinkedHashSet<>(ids));
		List<AccountProfile> found = new java.util.ArrayList<>();
		for (int from = 0; from < distinct.size(); from += 500) {
			accounts.findAll(distinct.subList(from, Math.min(distinct.size(), from + 500)))
				.forEach(account -> found.add(profile(account)));
		}
		return found;
	}

	@Override
	@Transactional(readOnly = true)
	public void forEachProfile(java.util.function.Consumer<AccountProfile> profiles) {
		accounts.forEachChunk(new AccountQuery(null, null, null, null, null, null, null, Map.of(),
				new io.kizuna.shared.PageQuery(0, 1, "name", true)), 1000,
				chunk -> chunk.forEach(account -> profiles.accept(profile(account))));
	}

	private AccountProfile profile(Account account) {
		AccountDetails d = account.details();
		return new AccountProfile(account.id(), d.name(), sizeBands.of(d.employeeCount()), d.plan(), d.ownerCsm(),
				d.stage(), d.country(), account.revenue().mrrReporting(), d.custom());
	}

	@Override
	public void recordRevenue(AccountId id, AccountRevenue revenue) {
		if (!accounts.updateRevenue(id, revenue)) {
			throw new NotFoundException("account.notFound", id);
		}
		indexing.changed(id);
	}

	@Override
	public void repriceRevenue(java.util.Currency reporting, Map<java.util.Currency, java.math.BigDecimal> rates) {
		int changed = 0;
		for (Map.Entry<java.util.Currency, java.math.BigDecimal> rate : rates.entrySet()) {
			changed += jdbc.update("update account set mrr_reporting = round(mrr * ?, 4), mrr_reporting_currency = ?"
					+ " where mrr_currency = ? and (mrr_reporting_currency is null or mrr_reporting_currency <> ?"
					+ " or mrr_reporting <> round(mrr * ?, 4))", rate.getValue(), reporting.getCurrencyCode(),
					rate.getKey().getCurrencyCode(), reporting.getCurrencyCode(), rate.getValue());
		}
		if (changed > 0) {
			indexing.rebuild();
		}
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, AccountId> resolve(java.util.Collection<String> keys) {
		return resolve(keys, java.util.EnumSet.allOf(ExternalKey.class));
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, AccountId> resolve(java.util.Collection<String> keys, java.util.Set<ExternalKey> by) {
		Map<String, AccountId> found = new java.util.HashMap<>();
		List<String> wanted = keys.stream().filter(java.util.Objects::nonNull).distinct().toList();
		for (int from = 0; from < wanted.size(); from += 1000) {
			List<String> chunk = wanted.subList(from, Math.min(wanted.size(), from + 1000));
			String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
			Object[] args = chunk.toArray();
			// Later lookups win a clash: a Salesforce id beats a HubSpot id beats a domain.
			if (by.contains(ExternalKey.DOMAIN)) {
				jdbc.query("select domain, account_id from account_domain where domain in (" + marks + ")", rs -> {
					found.put(rs.getString(1), new AccountId(rs.getObject(2, java.util.UUID.class)));
				}, chunk.stream().map(k -> k.toLowerCase(java.util.Locale.ROOT)).toArray());
			}
			if (by.contains(ExternalKey.HUBSPOT_ID)) {
				jdbc.query("select hubspot_id, id from account where hubspot_id in (" + marks + ")", rs -> {
					found.put(rs.getString(1), new AccountId(rs.getObject(2, java.util.UUID.class)));
				}, args);
			}
			if (by.contains(ExternalKey.SALESFORCE_ID)) {
				jdbc.query("select salesforce_id, id from account where salesforce_id in (" + marks + ")", rs -> {
					found.put(rs.getString(1), new AccountId(rs.getObject(2, java.util.UUID.class)));
				}, args);
			}
		}
		// Domains were looked up in lower case: answer under the key as given.
		for (String key : wanted) {
			if (!found.containsKey(key) && found.containsKey(key.toLowerCase(java.util.Locale.ROOT))) {
				found.put(key, found.get(key.toLowerCase(java.util.Locale.ROOT)));
			}
		}
		return found;
	}

	@Override
	public void recordRevenue(Map<AccountId, AccountRevenue> revenues) {
		List<Map.Entry<AccountId, AccountRevenue>> rows = List.copyOf(revenues.entrySet());
		jdbc.batchUpdate("update account set mrr = ?, mrr_currency = ?, mrr_reporting = ?, mrr_reporting_currency = ?,"
				+ " renewal_date = ? where id = ?", rows, 1000, (ps, row) -> {
					Money mrr = row.getValue().mrr();
					Money reporting = row.getValue().mrrReporting();
					ps.setBigDecimal(1, mrr == null ? null : mrr.amount());
					ps.setString(2, mrr == null ? null : mrr.currency().getCurrencyCode());
					ps.setBigDecimal(3, reporting == null ? null : reporting.amount());
					ps.setString(4, reporting == null ? null : reporting.currency().getCurrencyCode());
					ps.setObject(5, row.getValue().nextRenewal());
					ps.setObject(6, row.getKey().value());
				});
		indexing.changed(revenues.keySet());
	}

	@Override
	public void recordHealth(Map<AccountId, AccountHealth> health) {
		indexing.healthChanged(health);
	}

	@Override
	public boolean moveStage(AccountId id, io.kizuna.accounts.LifecycleStage stage) {
		Account account = accounts.findById(id).orElse(null);
		if (account == null || account.details().stage() == stage) {
			return false;
		}
		catalog.update(id, account.details().withStage(stage), account.version());
		return true;
	}
}
