package io.kizuna.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.kizuna.identity.Role;
import io.kizuna.identity.SignedInUser;
import io.kizuna.identity.UserId;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class ApiTokenCacheTests {

	private final ApiTokenCache cache = new ApiTokenCache();

	private final UserId alice = UserId.random();

	private final ApiTokenCache.SignIn aliceSignIn = signIn(alice);

	@AfterEach
	void endTransaction() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

	@Test
	void remembersASignInUntilItsTokenOrOwnerIsForgotten() {
		cache.remember("hash-a", aliceSignIn, cache.generation());
		ApiTokenCache.SignIn bob = signIn(UserId.random());
		cache.remember("hash-b", bob, cache.generation());
		assertThat(cache.find("hash-a")).contains(aliceSignIn);

		cache.forgetOwner(alice);

		assertThat(cache.find("hash-a")).isEmpty();
		assertThat(cache.find("hash-b")).contains(bob);
		cache.forgetToken(bob.token().id());
		assertThat(cache.find("hash-b")).isEmpty();
	}

	@Test
	void aSignInReadBeforeAChangeIsNotRememberedAfterIt() {
		long generationBeforeReading = cache.generation();
		cache.forgetOwner(alice); // the change commits while the sign-in is being read

		cache.remember("hash-a", aliceSignIn, generationBeforeReading);

		assertThat(cache.find("hash-a")).isEmpty();
	}

	@Test
	void insideATransactionTheSignInIsForgottenOnlyOnceTheChangeIsCommitted() {
		cache.remember("hash-a", aliceSignIn, cache.generation());
		TransactionSynchronizationManager.initSynchronization();

		cache.forgetOwner(alice);
		// a request reading before the commit still sees the old rows and would store them again
		long generationBeforeReading = cache.generation();
		cache.remember("hash-a", aliceSignIn, generationBeforeReading);
		TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);

		assertThat(cache.find("hash-a")).isEmpty();
	}

	private static ApiTokenCache.SignIn signIn(UserId owner) {
		ApiToken token = new ApiToken(UUID.randomUUID(), owner, "CRM sync", "kz_abcdefg", Instant.EPOCH, null, null,
				null);
		return new ApiTokenCache.SignIn(token,
				new SignedInUser(owner, owner.toString(), "Someone", null, Set.of(Role.CSM), true, null, null));
	}
}
