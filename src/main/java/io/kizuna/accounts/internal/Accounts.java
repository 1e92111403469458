package io.kizuna.accounts.internal;

import static io.kizuna.shared.SqlTimes.instant;
import static io.kizuna.shared.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.kizuna.accounts.AccountId;
import io.kizuna.accounts.AccountRevenue;
import io.kizuna.accounts.LifecycleStage;
import io.kizuna.identity.UserId;
import io.kizuna.shared.Money;
import io.kizuna.shared.PageResult;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores accounts in {@code account} and their domains in {@code account_domain}. */
@Repository
class Accounts {

	private static final String COLUMNS = "a.id, a.name, a.industry, a.employee_count, a.country, a.plan, "
			+ "a.lifecycle_stage, a.owner_csm_id, a.account_executive_id, a.salesforce_id, a.hubspot_id, "
			+ "a.created_at, a.updated_at, a.version, a.mrr, a.mrr_currency, a.mrr_reporting, a.mrr_reporting_currency, a.renewal_date";

	private final JdbcClient jdbc;

	private final SizeBands sizeBands;

	private final CustomFields customFields;

	Accounts(JdbcClient jdbc, SizeBands sizeBands, CustomFields customFields) {
		this.jdbc = jdbc;
		this.sizeBands = sizeBands;
		this.customFields = customFields;
	}

	Optional<Account> findById(AccountId id) {
		return one("a.id = :value", id.value());
	}

	/** Accounts by id, with their domains, in one query each. */
	List<Account> findAll(List<AccountId> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return withDomains(jdbc.sql("select " + COLUMNS + " from account a where a.id in (:ids)")
			.param("ids", ids.stream().map(AccountId::value).toList())
			.query((rs, n) -> row(rs, List.of()))
			.list());
	}

	Optional<Account> findByExternalId(ExternalSystem system, String externalId) {
		return one("a." + system.column() + " = :value", externalId);
	}

	/** The account that already owns one of these domains, other than the given one. */
	Optional<String> domainTakenElsewhere(List<String> domains, AccountId self) {
		if (domains.isEmpty()) {
			return Optional.empty();
		}
		return jdbc.sql("select domain from account_domain where domain in (:domains) and account_id <> :self")
			.param("domains", domains)
			.param("self", self.value())
			.query(String.class)
			.list()
			.stream()
			.findFirst();
	}

	Optional<AccountId> externalIdTakenElsewhere(ExternalSystem system, String externalId, AccountId self) {
		if (externalId == null) {
			return Optional.empty();
		}
		return jdbc.sql("select id from account where " + system.column() + " = ? and id <> ?")
			.params(externalId, self.value())
			.query(UUID.class)
			.optional()
			.map(AccountId::new);
	}

	void insert(Account account) {
		AccountDetails d = account.details();
		jdbc.sql("""
				insert into account (id, name, industry, employee_count, country, plan, lifecycle_stage, owner_csm_id,
				                     account_executive_id, salesforce_id, hubspot_id, created_at, updated_at, version)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(account.id().value(), d.name(), d.industry(), d.employeeCount(), d.country(), d.plan(),
					d.stage().name(), uuid(d.ownerCsm()), uuid(d.accountExecutive()), d.salesforceId(), d.hubspotId(),
					utc(account.createdAt()), utc(account.updatedAt()), account.version())
			.update();
		saveDomains(account);
		customFields.save(account.id(), d.custom());
	}

	/** Saves an edit made on {@code expectedVersion}; false when someone else saved in between. */
	boolean update(Account account, int expectedVersion) {
		AccountDetails d = account.details();
		int changed = jdbc.sql("""
				update account set name = ?, industry = ?, employee_count = ?, country = ?, plan = ?,
				       lifecycle_stage = ?, owner_csm_id = ?, account_executive_id = ?, salesforce_id = ?,
				       hubspot_id = ?, updated_at = ?, version = ?
				where id = ? and version = ?""")
			.params(d.name(), d.industry(), d.employeeCount(), d.country(), d.plan(), d.stage().name(),
					uuid(d.ownerCsm()), uuid(d.accountExecutive()), d.salesforceId(), d.hubspotId(),
					utc(account.updatedAt()), account.version(), account.id().value(), expectedVersion)
			.update();
		if (changed == 1) {
			saveDomains(account);
			customFields.save(account.id(), d.custom());
		}
		return changed == 1;
	}

	void delete(AccountId id) {
		jdbc.sql("delete from account where id = ?").param(id.value()).update();
	}

	void recordDeletion(Account account, UserId by, Instant at) {
		jdbc.sql("insert into account_deletion (account_id, name, deleted_by, deleted_at) values (?, ?, ?, ?)")
			.params(account.id().value(), account.details().name(), by.value(), utc(at))
			.update();
	}

	/** Stores what subscriptions report; false when the account does not exist. */
	boolean updateRevenue(AccountId id, AccountRevenue revenue) {
		Money mrr = revenue.mrr();
		return jdbc.sql("update account set mrr = ?, mrr_currency = ?, mrr_reporting = ?, mrr_reporting_currency = ?,"
				+ " renewal_date = ? where id = ?")
			.params(mrr == null ? null : mrr.amount(), mrr == null ? null : mrr.currency().getCurrencyCode(),
					revenue.mrrReporting() == null ? null : revenue.mrrReporting().amount(),
					revenue.mrrReporting() == null ? null : revenue.mrrReporting().currency().getCurrencyCode(),
					revenue.nextRenewal(), id.value())
			.update() == 1;
	}

	List<String> plans() {
		return jdbc.sql("select distinct plan from account where plan is not null order by plan")
			.query(String.class)
			.list();
	}

	private record Where(String sql, Map<String, Object> params) {
	}

	private Where where(AccountQuery query) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		Map<String, Object> params = new HashMap<>();
		if (query.text() != null && !query.text().isBlank()) {
			// One pass over the domains (a hashed sub-plan), not one probe per account.
			where.append(" and (lower(a.name) like :text or a.id in (select d.account_id from account_domain d"
					+ " where d.domain like :text))");
			params.put("text", "%" + query.text().trim().toLowerCase() + "%");
		}
		if (query.stage() != null) {
			where.append(" and a.lifecycle_stage = :stage");
			params.put("stage", query.stage().name());
		}
		if (query.owner() != null) {
			where.append(" and a.owner_csm_id = :owner");
			params.put("owner", query.owner().value());
		}
		if (query.plan() != null && !query.plan().isBlank()) {
			where.append(" and a.plan = :plan");
			params.put("plan", query.plan());
		}
		if (query.renewalFrom() != null) {
			where.append(" and a.renewal_date between :renewalFrom and :renewalTo");
			params.put("renewalFrom", query.renewalFrom());
			params.put("renewalTo", query.renewalTo());
		}
		int n = 0;
		for (Map.Entry<String, String> filter : query.custom().entrySet()) {
			CustomField field = customFields.byKey(filter.getKey()).orElse(null);
			if (field == null || filter.getValue() == null || filter.getValue().isBlank()) {
				continue;
			}
			String column = switch (field.type()) {
				case NUMBER -> "number_value";
				case DATE -> "date_value";
				default -> "text_value";
			};
			String value;
			try {
				value = field.normalize(filter.getValue());
			}
			catch (IllegalArgumentException misfit) {
				where.append(" and 1 = 0");
				continue;
			}
			where.append(" and a.id in (select v.account_id from account_custom_value v where v.field_id = :cf" + n
					+ " and v." + column + " = :cv" + n + ")");
			params.put("cf" + n, field.id());
			params.put("cv" + n, switch (field.type()) {
				case NUMBER -> new BigDecimal(value);
				case DATE -> LocalDate.parse(value);
				default -> value;
			});
			n++;
		}
		if (query.size() != null) {
			Integer[] range = sizeBands.range(query.size());
			if (range[0] == null && range[1] == null) {
				where.append(" and a.employee_count is null");
			}
			if (range[0] != null) {
				where.append(" and a.employee_count >= :sizeFrom");
				params.put("sizeFrom", range[0]);
			}
			if (range[1] != null) {
				where.append(" and a.employee_count < :sizeTo");
				params.put("sizeTo", range[1]);
			}
		}
		return new Where(where.toString(), params);
	}

	private static String order(AccountQuery query) {
		return " order by " + AccountQuery.sortColumn(query.page().sort()) + (query.page().ascending() ? " asc" : " desc")
				+ ", a.id";
	}

	PageResult<Account> search(AccountQuery query) {
		Where where = where(query);
		List<Account> rows = jdbc
			.sql("select " + COLUMNS + " from account a" + where.sql() + order(query) + " limit :limit offset :offset")
			.params(where.params())
			.param("limit", query.page().size())
			.param("offset", query.page().offset())
			.query((rs, n) -> row(rs, List.of()))
			.list();
		// A first page that is not full is the whole result: no need to count it again.
		long total = query.page().page() == 0 && rows.size() < query.page().size() ? rows.size()
				: jdbc.sql("select count(*) from account a" + where.sql()).params(where.params()).query(Long.class).single();
		return new PageResult<>(withDomains(rows), total, query.page().page(), query.page().size());
	}

	/** Every account the filters match, in the query's order, handed over a chunk at a time (for exports). */
	void forEachChunk(AccountQuery query, int chunkSize, Consumer<List<Account>> consumer) {
		Where where = where(query);
		List<Account> chunk = new ArrayList<>(chunkSize);
		try (Stream<Account> rows = jdbc.sql("select " + COLUMNS + " from account a" + where.sql() + order(query))
			.params(where.params())
			.query((rs, n) -> row(rs, List.of()))
			.stream()) {
			rows.forEach(account -> {
				chunk.add(account);
				if (chunk.size() == chunkSize) {
					consumer.accept(withDomains(List.copyOf(chunk)));
					chunk.clear();
				}
			});
		}
		if (!chunk.isEmpty()) {
			consumer.accept(withDomains(chunk));
		}
	}

	private Optional<Account> one(String condition, Object value) {
		return jdbc.sql("select " + COLUMNS + " from account a where " + condition)
			.param("value", value)
			.query((rs, n) -> row(rs, List.of()))
			.optional()
			.map(account -> withDomains(List.of(account)).getFirst());
	}

	/** One query for the domains of a whole page of accounts. */
	private List<Account> withDomains(List<Account> accounts) {
		if (accounts.isEmpty()) {
			return accounts;
		}
		Map<UUID, List<String>> domains = new HashMap<>();
		jdbc.sql("select account_id, domain from account_domain where account_id in (:ids) order by domain")
			.param("ids", accounts.stream().map(a -> a.id().value()).toList())
			.query((rs, n) -> Map.entry(rs.getObject("account_id", UUID.class), rs.getString("domain")))
			.list()
			.forEach(e -> domains.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		Map<AccountId, Map<String, String>> custom = customFields.values(accounts.stream().map(Account::id).toList());
		return accounts.stream().map(a -> {
			AccountDetails d = a.details();
			AccountDetails withDomains = new AccountDetails(d.name(), domains.getOrDefault(a.id().value(), List.of()),
					d.industry(), d.employeeCount(), d.country(), d.plan(), d.stage(), d.ownerCsm(),
					d.accountExecutive(), d.salesforceId(), d.hubspotId(), custom.get(a.id()));
			return a.withDetails(withDomains);
		}).toList();
	}

	private void saveDomains(Account account) {
		jdbc.sql("delete from account_domain where account_id = ?").param(account.id().value()).update();
		for (String domain : account.details().domains()) {
			jdbc.sql("insert into account_domain (domain, account_id) values (?, ?)")
				.params(domain, account.id().value())
				.update();
		}
	}

	private static Account row(ResultSet rs, List<String> domains) throws SQLException {
		AccountDetails details = new AccountDetails(rs.getString("name"), domains, rs.getString("industry"),
				(Integer) rs.getObject("employee_count", Integer.class), rs.getString("country"), rs.getString("plan"),
				LifecycleStage.valueOf(rs.getString("lifecycle_stage")), userId(rs, "owner_csm_id"),
				userId(rs, "account_executive_id"), rs.getString("salesforce_id"), rs.getString("hubspot_id"));
		return new Account(new AccountId(rs.getObject("id", UUID.class)), details, instant(rs, "created_at"),
				instant(rs, "updated_at"), rs.getInt("version"), revenue(rs));
	}

	private static AccountRevenue revenue(ResultSet rs) throws SQLException {
		BigDecimal mrr = rs.getBigDecimal("mrr");
		if (mrr == null) {
			return AccountRevenue.NONE;
		}
		return new AccountRevenue(new Money(mrr, Currency.getInstance(rs.getString("mrr_currency"))),
				new Money(rs.getBigDecimal("mrr_reporting"), reportingCurrency(rs)), rs.getObject("renewal_date", LocalDate.class));
	}

	private static Currency reportingCurrency(ResultSet rs) throws SQLException {
		return Currency.getInstance(rs.getString("mrr_reporting_currency"));
	}

	private static UserId userId(ResultSet rs, String column) throws SQLException {
		UUID value = rs.getObject(column, UUID.class);
		return value == null ? null : new UserId(value);
	}

	private static UUID uuid(UserId id) {
		return id == null ? null : id.value();
	}


}
