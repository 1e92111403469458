package io.kizuna.accounts.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.kizuna.identity.UserDirectory;
import io.kizuna.identity.UserId;

import org.springframework.stereotype.Component;

/** Turns accounts into views, looking up the owners' names once per page. */
@Component
class AccountViews {

	private final UserDirectory directory;

	private final SizeBands sizeBands;

	AccountViews(UserDirectory directory, SizeBands sizeBands) {
		this.directory = directory;
		this.sizeBands = sizeBands;
	}

	List<AccountView> of(List<Account> accounts) {
		Set<UserId> people = new HashSet<>();
		for (Account account : accounts) {
			if (account.details().ownerCsm() != null) {
				people.add(account.details().ownerCsm());
			}
			if (account.details().accountExecutive() != null) {
				people.add(account.details().accountExecutive());
			}
		}
		Map<UserId, String> names = directory.names(people);
		return accounts.stream().map(account -> view(account, names)).toList();
	}

	List<AccountHistoryEntry> history(List<AccountHistory.ChangeSet> sets) {
		Map<UserId, String> names = directory.names(sets.stream().map(AccountHistory.ChangeSet::by)
			.filter(java.util.Objects::nonNull)
			.distinct()
			.toList());
		return sets.stream()
			.map(set -> new AccountHistoryEntry(set.at(), set.by() == null ? null : names.get(set.by()), set.kind(),
					set.changes()))
			.toList();
	}

	AccountView of(Account account) {
		return of(List.of(account)).getFirst();
	}

	private AccountView view(Account account, Map<UserId, String> names) {
		AccountDetails d = account.details();
		return new AccountView(account.id().toString(), d.name(), d.domains(), d.industry(), d.employeeCount(),
				sizeBands.of(d.employeeCount()), d.country(), d.plan(), d.stage(), names.get(d.ownerCsm()),
				names.get(d.accountExecutive()), d.salesforceId(), d.hubspotId(), d.custom(), account.revenue(),
				account.createdAt(),
				account.updatedAt(), account.version(), account.health());
	}
}
