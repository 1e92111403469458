package io.kizuna.accounts.internal;

import java.util.List;

import io.kizuna.accounts.LifecycleStage;
import io.kizuna.identity.UserId;

/** What people edit on an account. */
record AccountDetails(String name, List<String> domains, String industry, Integer employeeCount, String country,
		String plan, LifecycleStage stage, UserId ownerCsm, UserId accountExecutive, String salesforceId,
		String hubspotId) {

	AccountDetails {
		domains = domains == null ? List.of() : List.copyOf(domains);
	}
}
