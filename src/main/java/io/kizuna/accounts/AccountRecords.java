package io.kizuna.accounts;

import java.util.Optional;

import io.kizuna.shared.NotFoundException;

/**
 * What other modules may ask of, and report to, the customer record without touching its tables:
 * whether an account exists and what it is called, and (from subscriptions) its current recurring
 * revenue and next renewal, which the account table filters and sorts on.
 */
public interface AccountRecords {

	/** An account as other modules name it. */
	record AccountSummary(AccountId id, String name) {
	}

	/** What reports group and filter accounts by: segment (size band), plan, owner and stage. */
	record AccountProfile(AccountId id, String name, SizeBand size, String plan,
			io.kizuna.identity.UserId ownerCsm, LifecycleStage stage) {
	}

	Optional<AccountSummary> find(AccountId id);

	Optional<AccountProfile> profile(AccountId id);

	/** The profiles of many accounts at once; unknown ids are left out. */
	java.util.List<AccountProfile> profiles(java.util.Collection<AccountId> ids);

	/** Every account's profile, streamed in chunks so 100,000 accounts never sit in one result. */
	void forEachProfile(java.util.function.Consumer<AccountProfile> profiles);

	default AccountSummary require(AccountId id) {
		return find(id).orElseThrow(() -> new NotFoundException("account.notFound", id));
	}

	void recordRevenue(AccountId id, AccountRevenue revenue);

	/**
	 * Converts every account's MRR into the reporting currency again at these rates (units of the
	 * reporting currency per unit of each other currency), after the configured rates changed.
	 */
	void repriceRevenue(java.util.Currency reporting, java.util.Map<java.util.Currency, java.math.BigDecimal> rates);

	/**
	 * The accounts that these keys name, for imports of records that belong to an account: each key
	 * is looked up as a Salesforce id, a HubSpot id and a domain (in that order). Unknown keys are left out.
	 */
	java.util.Map<String, AccountId> resolve(java.util.Collection<String> keys);

	/** The same for many accounts in one batch (demo data, imports); unknown accounts are skipped. */
	void recordRevenue(java.util.Map<AccountId, AccountRevenue> revenues);
}
