package io.kizuna.identity;

import java.util.Arrays;
import java.util.List;

/**
 * What a person does in the customer's company, and so what Kizuna lets them see. Roles form a
 * hierarchy (see {@code RoleHierarchyConfiguration}): ADMIN includes every other role, CS_MANAGER
 * includes CSM, and every role includes VIEWER, so an endpoint names the lowest role it needs.
 */
public enum Role {

	ADMIN, CS_MANAGER, CSM, SUPPORT_AGENT, SALES, VIEWER;

	/** The Spring Security authority, e.g. {@code ROLE_ADMIN}. */
	public String authority() {
		return "ROLE_" + name();
	}

	/** The key of this role's name in messages.properties. */
	public String labelKey() {
		return "role." + name();
	}

	public static List<Role> all() {
		return Arrays.asList(values());
	}
}
