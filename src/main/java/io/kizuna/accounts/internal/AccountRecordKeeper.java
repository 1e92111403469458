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

	AccountRecordKeeper(Accounts accounts, JdbcTemplate jdbc) {
		this.accounts = accounts;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<AccountSummary> find(AccountId id) {
		return accounts.findById(id).map(account -> new AccountSummary(id, account.details().name()));
	}

	@Override
	public void recordRevenue(AccountId id, AccountRevenue revenue) {
		if (!accounts.updateRevenue(id, revenue)) {
			throw new NotFoundException("account.notFound", id);
		}
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
	}
}
