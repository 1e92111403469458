package io.kizuna.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class CommittedValueTests {

	private final CommittedValue<Integer> cache = new CommittedValue<>();

	private final AtomicInteger rows = new AtomicInteger(1);

	@Test
	void keepsWhatItLoadedUntilForgotten() {
		assertThat(cache.get(rows::get)).isEqualTo(1);
		rows.set(2);
		assertThat(cache.get(rows::get)).as("still the kept copy").isEqualTo(1);
		cache.forget();
		assertThat(cache.get(rows::get)).isEqualTo(2);
	}

	@Test
	void aCopyLoadedWhileAChangeCommittedIsNotKept() {
		// The reader reads the old rows; before it stores them, the writer commits and forgets.
		Integer stale = cache.get(() -> {
			int before = rows.get();
			rows.set(2);
			cache.forget();
			return before;
		});
		assertThat(stale).isEqualTo(1);
		assertThat(cache.get(rows::get)).as("the next reader loads the committed rows").isEqualTo(2);
	}
}
