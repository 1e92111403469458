package io.kizuna.shared;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A value read from the database and kept in memory until a change to its rows commits (a whole
 * table that is read often and changed rarely, such as the scorecards). {@link CommittedCache} does the
 * same for values by key.
 * <p>
 * Each copy carries the generation it was loaded in, and {@link #forget()} moves the generation on both
 * at once and after the changing transaction ends. A reader on another thread that loaded the rows as
 * they were before the commit therefore never hands its copy to later readers, even when it stores it
 * after the writer has finished: its generation is already past.
 */
public final class CommittedValue<T> {

	private record Copy<T>(long generation, T value) {
	}

	private final AtomicLong generation = new AtomicLong();

	private final AtomicReference<Copy<T>> copy = new AtomicReference<>();

	public T get(Supplier<T> loader) {
		long current = generation.get();
		Copy<T> kept = copy.get();
		if (kept != null && kept.generation() == current) {
			return kept.value();
		}
		T loaded = loader.get();
		copy.set(new Copy<>(current, loaded));
		return loaded;
	}

	/** Call within the transaction that changes the rows (or outside one, after the change). */
	public void forget() {
		generation.incrementAndGet();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					generation.incrementAndGet();
				}
			});
		}
	}
}
