package io.kizuna.accounts.internal;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.kizuna.accounts.LifecycleStage;
import io.kizuna.identity.UserId;

/**
 * What people edit on an account. {@code custom} holds the values of admin-defined fields by key, in
 * their stored text form (see {@link CustomField#normalize}); empty values are left out.
 */
record AccountDetails(String name, List<String> domains, String industry, Integer employeeCount, String country,
		String plan, LifecycleStage stage, UserId ownerCsm, UserId accountExecutive, String salesforceId,
		String hubspotId, Map<String, String> custom) {

	AccountDetails {
		domains = domains == null ? List.of() : List.copyOf(domains);
		custom = custom == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(custom));
	}

	AccountDetails(String name, List<String> domains, String industry, Integer employeeCount, String country,
			String plan, LifecycleStage stage, UserId ownerCsm, UserId accountExecutive, String salesforceId,
			String hubspotId) {
		this(name, domains, industry, employeeCount, country, plan, stage, ownerCsm, accountExecutive, salesforceId,
				hubspotId, Map.of());
	}

	AccountDetails withCustom(Map<String, String> values) {
		return new AccountDetails(name, domains, industry, employeeCount, country, plan, stage, ownerCsm,
				accountExecutive, salesforceId, hubspotId, values);
	}

	AccountDetails withStage(LifecycleStage newStage) {
		return new AccountDetails(name, domains, industry, employeeCount, country, plan, newStage, ownerCsm,
				accountExecutive, salesforceId, hubspotId, custom);
	}
}
