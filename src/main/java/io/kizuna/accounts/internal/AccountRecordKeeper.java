package io.kizuna.accounts.internal;

import java.util.Optional;

import io.kizuna.accounts.AccountId;
import io.kizuna.accounts.AccountRecords;
import io.kizuna.accounts.AccountRevenue;
import io.kizuna.shared.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The customer record as other modules see it. */
@Service
@Transactional
class AccountRecordKeeper implements AccountRecords {

	private final Accounts accounts;

	AccountRecordKeeper(Accounts accounts) {
		this.accounts = accounts;
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
}
