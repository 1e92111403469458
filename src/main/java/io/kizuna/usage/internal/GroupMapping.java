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

	GroupMapping(UsageIdentities identities, UsageRollups rollups) {
		this.identities = identities;
		this.rollups = rollups;
	}

	/** False when no event has named this group. */
	boolean map(UUID source, String groupId, UUID account) {
		if (identities.map(source, groupId, account) == 0) {
			return false;
		}
		rollups.settle(source, groupId, account);
		return true;
	}
}
