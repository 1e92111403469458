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

	/**
	 * What reports group and filter accounts by, and segment rules read: size band, plan, owner, stage,
	 * country, current MRR in the reporting currency (null when nothing is active) and custom field values.
	 */
	record AccountProfile(AccountId id, String name, SizeBand size, String plan,
			io.kizuna.identity.UserId ownerCsm, LifecycleStage stage, String country,
			io.kizuna.shared.Money mrrReporting, java.util.Map<String, String> custom) {
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

	/** The keys by which another system may name an account. */
	enum ExternalKey {
		SALESFORCE_ID, HUBSPOT_ID, DOMAIN
	}

	/** The same, looking the keys up only as the given kinds of id (a usage source's configured matching). */
	java.util.Map<String, AccountId> resolve(java.util.Collection<String> keys, java.util.Set<ExternalKey> by);

	/** The same for many accounts in one batch (demo data, imports); unknown accounts are skipped. */
	void recordRevenue(java.util.Map<AccountId, AccountRevenue> revenues);

	/**
	 * What the account table shows of an account's health, written by the health module: the score (an
	 * override's while it lasts), its band ({@code GOOD}, {@code NEUTRAL}, {@code AT_RISK}), the change over 30
	 * days and the segment's key. Null fields clear the column.
	 */
	record AccountHealth(Integer score, String band, Integer trend, String segment) {
	}

	/**
	 * Records the health of many accounts for the account table to show, filter and sort on; unknown accounts
	 * are skipped. Kept in memory, not stored: the health module says it all again at every start.
	 */
	void recordHealth(java.util.Map<AccountId, AccountHealth> health);

	/**
	 * Moves an account to another lifecycle stage by a rule, as an edit of the account: its audit history
	 * and timeline say so. False when the account is gone or already there.
	 */
	boolean moveStage(AccountId id, LifecycleStage stage);
}
