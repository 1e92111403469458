package io.kizuna.usage.internal;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ties a company seen in the product to an account: the group and its users, and the use counted for the
 * group while it was unmatched, which now becomes the account's.
 */
@Service
@Transactional
class GroupMapping {

	private final UsageIdentities identities;

	private final UsageRollups rollups;

	private final org.springframework.context.ApplicationEventPublisher events;

	GroupMapping(UsageIdentities identities, UsageRollups rollups,
			org.springframework.context.ApplicationEventPublisher events) {
		this.identities = identities;
		this.events = events;
		this.rollups = rollups;
	}

	/** False when no event has named this group. */
	boolean map(UUID source, String groupId, UUID account) {
		if (identities.map(source, groupId, account) == 0) {
			return false;
		}
		rollups.settle(source, groupId, account);
		events.publishEvent(new io.kizuna.usage.UsageRolledUp(java.util.Set.of(new io.kizuna.accounts.AccountId(account))));
		return true;
	}
}
