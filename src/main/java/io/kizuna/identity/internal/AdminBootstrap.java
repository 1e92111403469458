package io.kizuna.identity.internal;

import java.util.Set;

import io.kizuna.identity.Role;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the first start with an empty database, creates the user {@code admin} so that somebody can sign
 * in. Runs before the web server accepts requests. The password comes from KIZUNA_ADMIN_PASSWORD or
 * is random and logged exactly once; KIZUNA_BOOTSTRAP_API_TOKEN, if set, becomes an ADMIN API token.
 */
@Component
class AdminBootstrap implements SmartInitializingSingleton {

	static final String ADMIN_USERNAME = "admin";

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final Users users;

	private final UserManagement management;

	private final ApiTokens tokens;

	private final IdentityProperties properties;

	private final TransactionTemplate transactions;

	AdminBootstrap(Users users, UserManagement management, ApiTokens tokens, IdentityProperties properties,
			TransactionTemplate transactions) {
		this.users = users;
		this.management = management;
		this.tokens = tokens;
		this.properties = properties;
		this.transactions = transactions;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (users.count() > 0) {
			return;
		}
		String configured = properties.adminPassword();
		boolean generated = configured == null || configured.isEmpty();
		if (!generated && !PasswordPolicy.acceptable(configured)) {
			throw new IllegalStateException("KIZUNA_ADMIN_PASSWORD must be " + PasswordPolicy.MIN_LENGTH + " to "
					+ PasswordPolicy.MAX_LENGTH + " characters long");
		}
		String apiToken = properties.bootstrapApiToken();
		if (apiToken != null && !apiToken.isEmpty() && apiToken.length() < 32) {
			throw new IllegalStateException("KIZUNA_BOOTSTRAP_API_TOKEN must be at least 32 characters long");
		}
		String password = generated ? SecretGenerator.password(20) : configured;
		try {
			transactions.executeWithoutResult(status -> {
				var admin = management.create(new NewUser(ADMIN_USERNAME, "Administrator", null, password,
						Set.of(Role.ADMIN)));
				if (apiToken != null && !apiToken.isEmpty()) {
					tokens.register(admin.user().id(), "bootstrap", apiToken);
				}
			});
		}
		catch (DuplicateKeyException anotherInstanceWasFaster) {
			return;
		}
		if (generated) {
			log.warn("""

					==================================================================
					  Kizuna created the first user.
					    username: {}
					    password: {}
					  This password is shown only this once: sign in and change it
					  under Profile.
					==================================================================""", ADMIN_USERNAME, password);
		}
		else {
			log.info("Kizuna created the first user '{}' with the password from KIZUNA_ADMIN_PASSWORD", ADMIN_USERNAME);
		}
	}
}
