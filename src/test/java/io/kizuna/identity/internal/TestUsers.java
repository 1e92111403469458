package io.kizuna.identity.internal;

import java.util.Set;
import java.util.UUID;

import io.kizuna.identity.Role;
import io.kizuna.identity.SignedInUser;

import org.springframework.context.ApplicationContext;

/** Creates real, stored users (and their API tokens) for tests in any package. */
public class TestUsers {

	public static final String PASSWORD = "correct horse battery";

	private final UserManagement management;

	private final KizunaUserDetailsService userDetails;

	private final ApiTokens tokens;

	public TestUsers(ApplicationContext context) {
		this.management = context.getBean(UserManagement.class);
		this.userDetails = context.getBean(KizunaUserDetailsService.class);
		this.tokens = context.getBean(ApiTokens.class);
	}

	public SignedInUser create(Role... roles) {
		String username = "u" + UUID.randomUUID().toString().substring(0, 12);
		management.create(new NewUser(username, "Test " + username, username + "@example.com", PASSWORD,
				Set.of(roles)));
		return (SignedInUser) userDetails.loadUserByUsername(username);
	}

	public String tokenFor(SignedInUser user) {
		return tokens.issue(user.id(), "test", null).secret();
	}

	public SignedInUser reload(SignedInUser user) {
		return (SignedInUser) userDetails.loadUserByUsername(user.getUsername());
	}
}
