package io.kizuna.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Who works here, for other modules that name people on their records (an account's CSM, a
 * ticket's agent) without reaching into identity's tables.
 */
public interface UserDirectory {

	/** A person as other modules show them. */
	record Member(UserId id, String displayName) {
	}

	/** Active people holding the role (directly or through the role hierarchy), by name. */
	List<Member> activeWithRole(Role role);

	/** Display names of the given people, deactivated ones included. */
	Map<UserId, String> names(Collection<UserId> ids);
}
