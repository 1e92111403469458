package io.kizuna.subscriptions.internal;

import static io.kizuna.shared.SqlTimes.instant;
import static io.kizuna.shared.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.kizuna.accounts.AccountId;
import io.kizuna.shared.PageQuery;
import io.kizuna.shared.PageResult;
import io.kizuna.subscriptions.BillingPeriod;
import io.kizuna.subscriptions.SubscriptionId;
import io.kizuna.subscriptions.SubscriptionStatus;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores subscriptions in {@code subscription}, with their current MRR for quick sums. */
@Repository
class Subscriptions {

	private static final String COLUMNS = "id, account_id, external_id, product, plan, quantity, unit_price, currency, "
			+ "billing_period, term_months, discount_percent, start_date, end_date, auto_renew, status, cancelled_on, "
			+ "cancellation_reason, created_at, updated_at, version";

	/** Filters of the subscriptions API; every one optional. */
	record Query(AccountId account, SubscriptionStatus status, LocalDate renewalBefore, PageQuery page) {
	}

	private final JdbcClient jdbc;

	Subscriptions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Subscription> findById(SubscriptionId id) {
		return jdbc.sql("select " + COLUMNS + " from subscription where id = ?")
			.param(id.value())
			.query((rs, n) -> row(rs))
			.optional();
	}

	Optional<Subscription> findByExternalId(String externalId) {
		return jdbc.sql("select " + COLUMNS + " from subscription where external_id = ?")
			.param(externalId)
			.query((rs, n) -> row(rs))
			.optional();
	}

	boolean externalIdTakenElsewhere(String externalId, SubscriptionId self) {
		return externalId != null && jdbc.sql("select count(*) from subscription where external_id = ? and id <> ?")
			.params(externalId, self.value())
			.query(Long.class)
			.single() > 0;
	}

	/** The account's subscriptions, active ones first, then by start date (newest first). */
	List<Subscription> ofAccount(AccountId account) {
		return jdbc.sql("select " + COLUMNS + " from subscription where account_id = ?"
				+ " order by case when status = 'ACTIVE' then 0 else 1 end, start_date desc, id")
			.param(account.value())
			.query((rs, n) -> row(rs))
			.list();
	}

	/** Active subscriptions whose end date has passed: they renew or expire today. */
	List<Subscription> activeEndedBefore(LocalDate day, int limit) {
		return jdbc.sql("select " + COLUMNS + " from subscription where status = 'ACTIVE' and end_date < ?"
				+ " order by end_date, id limit ?")
			.params(day, limit)
			.query((rs, n) -> row(rs))
			.list();
	}

	PageResult<Subscription> search(Query query) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		Map<String, Object> params = new HashMap<>();
		if (query.account() != null) {
			where.append(" and account_id = :account");
			params.put("account", query.account().value());
		}
		if (query.status() != null) {
			where.append(" and status = :status");
			params.put("status", query.status().name());
		}
		if (query.renewalBefore() != null) {
			where.append(" and end_date <= :renewalBefore");
			params.put("renewalBefore", query.renewalBefore());
		}
		long total = jdbc.sql("select count(*) from subscription" + where).params(params).query(Long.class).single();
		List<Subscription> items = jdbc
			.sql("select " + COLUMNS + " from subscription" + where + " order by start_date desc, id limit :limit offset :offset")
			.params(params)
			.param("limit", query.page().size())
			.param("offset", query.page().offset())
			.query((rs, n) -> row(rs))
			.list();
		return new PageResult<>(items, total, query.page().page(), query.page().size());
	}

	void insert(Subscription s) {
		SubscriptionTerms t = s.terms();
		jdbc.sql("insert into subscription (" + COLUMNS + ", mrr) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(values(s.id().value(), s.accountId().value(), t, utc(s.createdAt()), utc(s.updatedAt()), s.version()))
			.update();
	}

	/** Many new subscriptions in JDBC batches (demo data, imports). */
	static void insertAll(JdbcTemplate jdbc, List<Subscription> batch) {
		jdbc.batchUpdate("insert into subscription (" + COLUMNS + ", mrr)"
				+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch, 1000, (ps, s) -> {
					List<Object> values = values(s.id().value(), s.accountId().value(), s.terms(), utc(s.createdAt()),
							utc(s.updatedAt()), s.version());
					for (int i = 0; i < values.size(); i++) {
						ps.setObject(i + 1, values.get(i));
					}
				});
	}

	/** Subscriptions of many accounts, or with any of these external ids, a thousand keys per query. */
	List<Subscription> ofAccounts(List<AccountId> accounts) {
		return inChunks("account_id", accounts.stream().map(AccountId::value).distinct().toList());
	}

	List<Subscription> withExternalIds(List<String> externalIds) {
		return inChunks("external_id", externalIds.stream().distinct().toList());
	}

	private List<Subscription> inChunks(String column, List<?> keys) {
		List<Subscription> found = new ArrayList<>();
		for (int from = 0; from < keys.size(); from += 1000) {
			found.addAll(jdbc.sql("select " + COLUMNS + " from subscription where " + column + " in (:keys)")
				.param("keys", keys.subList(from, Math.min(keys.size(), from + 1000)))
				.query((rs, n) -> row(rs))
				.list());
		}
		return found;
	}

	boolean update(Subscription s, int expectedVersion) {
		SubscriptionTerms t = s.terms();
		List<Object> params = new ArrayList<>(values(s.id().value(), s.accountId().value(), t, utc(s.createdAt()),
				utc(s.updatedAt()), s.version()));
		params.add(s.id().value());
		params.add(expectedVersion);
		return jdbc.sql("""
				update subscription set id = ?, account_id = ?, external_id = ?, product = ?, plan = ?, quantity = ?,
				       unit_price = ?, currency = ?, billing_period = ?, term_months = ?, discount_percent = ?,
				       start_date = ?, end_date = ?, auto_renew = ?, status = ?, cancelled_on = ?,
				       cancellation_reason = ?, created_at = ?, updated_at = ?, version = ?, mrr = ?
				where id = ? and version = ?""")
			.params(params)
			.update() == 1;
	}

	void delete(SubscriptionId id) {
		jdbc.sql("delete from subscription where id = ?").param(id.value()).update();
	}

	static List<Object> values(UUID id, UUID account, SubscriptionTerms t, Object createdAt, Object updatedAt,
			int version) {
		List<Object> values = new ArrayList<>();
		values.add(id);
		values.add(account);
		values.add(t.externalId());
		values.add(t.product());
		values.add(t.plan());
		values.add(t.quantity());
		values.add(t.unitPrice());
		values.add(t.currency().getCurrencyCode());
		values.add(t.period().name());
		values.add(t.termMonths());
		values.add(t.discountPercent());
		values.add(t.startDate());
		values.add(t.endDate());
		values.add(t.autoRenew());
		values.add(t.status().name());
		values.add(t.cancelledOn());
		values.add(t.cancellationReason());
		values.add(createdAt);
		values.add(updatedAt);
		values.add(version);
		values.add(t.mrr().amount());
		return values;
	}

	static SubscriptionTerms terms(ResultSet rs) throws SQLException {
		return new SubscriptionTerms(rs.getString("product"), rs.getString("plan"), rs.getInt("quantity"),
				rs.getBigDecimal("unit_price"), Currency.getInstance(rs.getString("currency")),
				BillingPeriod.valueOf(rs.getString("billing_period")), rs.getInt("term_months"),
				rs.getBigDecimal("discount_percent"), rs.getObject("start_date", LocalDate.class),
				rs.getObject("end_date", LocalDate.class), rs.getBoolean("auto_renew"),
				SubscriptionStatus.valueOf(rs.getString("status")), rs.getObject("cancelled_on", LocalDate.class),
				rs.getString("cancellation_reason"), rs.getString("external_id"));
	}

	private static Subscription row(ResultSet rs) throws SQLException {
		return new Subscription(new SubscriptionId(rs.getObject("id", UUID.class)),
				new AccountId(rs.getObject("account_id", UUID.class)), terms(rs), instant(rs, "created_at"),
				instant(rs, "updated_at"), rs.getInt("version"));
	}
}
