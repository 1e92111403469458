package io.kizuna.subscriptions.internal;

import static io.kizuna.shared.SqlTimes.instant;
import static io.kizuna.shared.SqlTimes.utc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.kizuna.accounts.AccountId;
import io.kizuna.identity.UserId;
import io.kizuna.shared.Money;
import io.kizuna.subscriptions.SubscriptionChanged;
import io.kizuna.subscriptions.SubscriptionId;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every change to a subscription, with the full terms after it and the date it took effect, in
 * {@code subscription_change}. This is the subscriptions' audit history (who changed what, when) and the
 * raw material of MRR movements.
 */
@Repository
class SubscriptionHistory {

	/** One recorded change; {@code terms} are the terms after it. */
	record Change(SubscriptionId subscription, AccountId account, SubscriptionChanged.Kind kind,
			LocalDate effectiveDate, Instant recordedAt, UserId recordedBy, List<String> fields,
			SubscriptionTerms terms, Money mrrBefore, Money mrrAfter) {

		/** The same change told to other modules. */
		SubscriptionChanged event() {
			return new SubscriptionChanged(subscription, account, kind, terms.product(), fields, mrrBefore, mrrAfter,
					effectiveDate, recordedBy, recordedAt);
		}
	}

	private final JdbcClient jdbc;

	SubscriptionHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static final String INSERT = """
			insert into subscription_change (id, subscription_id, account_id, kind, effective_date, recorded_at,
			  recorded_by, changed_fields, external_id, product, plan, quantity, unit_price, currency, billing_period,
			  term_months, discount_percent, start_date, end_date, auto_renew, status, cancelled_on,
			  cancellation_reason, mrr_before, mrr_after)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	void record(Change c) {
		jdbc.sql(INSERT).params(values(c)).update();
	}

	/** Many changes in JDBC batches, for demo data and imports. */
	static void recordAll(JdbcTemplate jdbc, List<Change> changes) {
		jdbc.batchUpdate(INSERT, changes, 1000, (ps, c) -> {
			List<Object> values = values(c);
			for (int i = 0; i < values.size(); i++) {
				ps.setObject(i + 1, values.get(i));
			}
		});
	}

	private static List<Object> values(Change c) {
		SubscriptionTerms t = c.terms();
		return java.util.Arrays.asList(UUID.randomUUID(), c.subscription().value(), c.account().value(), c.kind().name(),
				c.effectiveDate(), utc(c.recordedAt()), c.recordedBy() == null ? null : c.recordedBy().value(),
				String.join(",", c.fields()), t.externalId(), t.product(), t.plan(), t.quantity(), t.unitPrice(),
				t.currency().getCurrencyCode(), t.period().name(), t.termMonths(), t.discountPercent(), t.startDate(),
				t.endDate(), t.autoRenew(), t.status().name(), t.cancelledOn(), t.cancellationReason(),
				c.mrrBefore().amount(), c.mrrAfter().amount());
	}

	/** A subscription's history, newest first. */
	List<Change> of(SubscriptionId subscription) {
		return jdbc.sql("select * from subscription_change where subscription_id = ?"
				+ " order by recorded_at desc, effective_date desc, id")
			.param(subscription.value())
			.query((rs, n) -> row(rs))
			.list();
	}

	/** The history of all of an account's subscriptions in one query, newest first. */
	List<Change> ofAccount(AccountId account) {
		return jdbc.sql("select * from subscription_change where account_id = ?"
				+ " order by recorded_at desc, effective_date desc, id")
			.param(account.value())
			.query((rs, n) -> row(rs))
			.list();
	}

	private static Change row(ResultSet rs) throws SQLException {
		SubscriptionTerms terms = Subscriptions.terms(rs);
		UUID by = rs.getObject("recorded_by", UUID.class);
		String fields = rs.getString("changed_fields");
		return new Change(new SubscriptionId(rs.getObject("subscription_id", UUID.class)),
				new AccountId(rs.getObject("account_id", UUID.class)),
				SubscriptionChanged.Kind.valueOf(rs.getString("kind")), rs.getObject("effective_date", LocalDate.class),
				instant(rs, "recorded_at"), by == null ? null : new UserId(by),
				fields.isEmpty() ? List.of() : Arrays.asList(fields.split(",")), terms,
				money(rs.getBigDecimal("mrr_before"), terms), money(rs.getBigDecimal("mrr_after"), terms));
	}

	private static Money money(BigDecimal amount, SubscriptionTerms terms) {
		return new Money(amount, terms.currency());
	}
}
