package io.kizuna.subscriptions.internal;

import static io.kizuna.shared.SqlTimes.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import io.kizuna.accounts.AccountId;
import io.kizuna.shared.Money;
import io.kizuna.subscriptions.SubscriptionChanged;
import io.kizuna.subscriptions.SubscriptionHistories;
import io.kizuna.subscriptions.SubscriptionId;
import io.kizuna.subscriptions.SubscriptionStatus;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads {@code subscription_change} for other modules, streaming it account by account. */
@Service
@Transactional(readOnly = true)
class SubscriptionHistoryReader implements SubscriptionHistories {

	private static final String COLUMNS = "select subscription_id, account_id, kind, effective_date, recorded_at,"
			+ " product, plan, quantity, status, end_date, cancelled_on, mrr_after, currency from subscription_change";

	private static final String ORDER = " order by recorded_at, effective_date, id";

	private final JdbcTemplate jdbc;

	SubscriptionHistoryReader(javax.sql.DataSource dataSource) {
		// Its own template: a fetch size lets PostgreSQL stream the whole history instead of loading it at once.
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setFetchSize(5000);
	}

	@Override
	public void forEachAccount(Consumer<List<RecordedChange>> accountChanges) {
		List<RecordedChange> current = new ArrayList<>();
		jdbc.query(COLUMNS + " order by account_id, recorded_at, effective_date, id", rs -> {
			RecordedChange change = row(rs);
			if (!current.isEmpty() && !current.getFirst().account().equals(change.account())) {
				accountChanges.accept(List.copyOf(current));
				current.clear();
			}
			current.add(change);
		});
		if (!current.isEmpty()) {
			accountChanges.accept(List.copyOf(current));
		}
	}

	@Override
	public List<RecordedChange> ofAccount(AccountId account) {
		return jdbc.query(COLUMNS + " where account_id = ?" + ORDER, (rs, n) -> row(rs), account.value());
	}

	@Override
	public java.util.Map<AccountId, List<RecordedChange>> ofAccounts(java.util.Collection<AccountId> accounts) {
		java.util.Map<AccountId, List<RecordedChange>> byAccount = new java.util.HashMap<>();
		List<AccountId> ids = List.copyOf(new java.util.LinkedHashSet<>(accounts));
		for (int from = 0; from < ids.size(); from += 500) {
			List<AccountId> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
			String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
			jdbc.query(COLUMNS + " where account_id in (" + marks + ")" + ORDER, rs -> {
				RecordedChange change = row(rs);
				byAccount.computeIfAbsent(change.account(), id -> new ArrayList<>()).add(change);
			}, chunk.stream().map(AccountId::value).toArray());
		}
		return byAccount;
	}

	private static RecordedChange row(ResultSet rs) throws SQLException {
		Currency currency = Currency.getInstance(rs.getString("currency"));
		return new RecordedChange(new SubscriptionId(rs.getObject("subscription_id", UUID.class)),
				new AccountId(rs.getObject("account_id", UUID.class)),
				SubscriptionChanged.Kind.valueOf(rs.getString("kind")), rs.getObject("effective_date", LocalDate.class),
				instant(rs, "recorded_at"), rs.getString("product"), rs.getString("plan"), rs.getInt("quantity"),
				SubscriptionStatus.valueOf(rs.getString("status")), rs.getObject("end_date", LocalDate.class),
				rs.getObject("cancelled_on", LocalDate.class), new Money(rs.getBigDecimal("mrr_after"), currency));
	}
}
