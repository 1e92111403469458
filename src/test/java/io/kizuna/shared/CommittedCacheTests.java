package io.kizuna.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class CommittedCacheTests {

	private final CommittedCache<String, String> names = new CommittedCache<>(Duration.ofMinutes(1), 100);

	@AfterEach
	void endTransaction() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

	@Test
	void forgetsByKeyByValueOrEverything() {
		names.putAll(Map.of("a", "Aoki", "b", "Baba", "c", "Chiba"), names.generation());

		names.forgetAfterCommit("a");
		assertThat(names.getAll(List.of("a", "b", "c"))).containsOnlyKeys("b", "c");
		names.forgetAfterCommit(value -> value.startsWith("B"));
		assertThat(names.getAll(List.of("a", "b", "c"))).containsOnlyKeys("c");
		names.forgetAllAfterCommit();
		assertThat(names.get("c")).isNull();
	}

	@Test
	void aValueReadBeforeAChangeIsNotStoredAfterIt() {
		long generationBeforeReading = names.generation();
		names.forgetAfterCommit("a"); // a rename commits while the old name is being read

		names.put("a", "Aoki (old)", generationBeforeReading);
		names.putAll(Map.of("b", "Baba (old)"), generationBeforeReading);

		assertThat(names.get("a")).isNull();
		assertThat(names.get("b")).isNull();
		names.put("a", "Aoki", names.generation());
		assertThat(names.get("a")).isEqualTo("Aoki");
	}

	@Test
	void insideATransactionTheEntryIsForgottenOnlyOnceTheChangeCommits() {
		names.put("a", "Aoki (old)", names.generation());
		TransactionSynchronizationManager.initSynchronization();

		names.forgetAfterCommit("a");
		assertThat(names.get("a")).as("before the commit others still see the old row").isEqualTo("Aoki (old)");
		// a request reading before the commit sees the old row and stores it again
		names.put("a", "Aoki (old)", names.generation());
		TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);

		assertThat(names.get("a")).isNull();
	}
}
