package io.kizuna.shared;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.function.Predicate;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A cache of what the database says, for lookups on every request (API tokens, write keys, names).
 * Two races would keep a stale value for good, and both are closed here:
 * <ul>
 * <li>a change forgets its entries only when its transaction commits, since a request reading
 * before the commit still sees the old rows;</li>
 * <li>a value read before a change commits is not stored after it: callers take a
 * {@link #generation()} before reading and hand it to {@link #put}, which drops the value if anything
 * was forgotten in between.</li>
 * </ul>
 * The time to live bounds what another node changed. {@link CommittedValue} is the same for one value
 * that has no key.
 */
public final class CommittedCache<K, V> {

	private final Cache<K, V> entries;

	/** Read without the lock (every miss reads it); changed and compared only under it. */
	private volatile long generation;

	public CommittedCache(Duration timeToLive, long maximumSize) {
		this.entries = Caffeine.newBuilder().expireAfterWrite(timeToLive).maximumSize(maximumSize).build();
	}

	public V get(K key) {
		return entries.getIfPresent(key);
	}

	public Map<K, V> getAll(Collection<? extends K> keys) {
		return entries.getAllPresent(keys);
	}

	/** To be read before the database is, and handed back to {@link #put}. */
	public long generation() {
		return generation;
	}

	public synchronized void put(K key, V value, long generationBeforeReading) {
		if (generationBeforeReading == generation) {
			entries.put(key, value);
		}
	}

	public synchronized void putAll(Map<? extends K, ? extends V> values, long generationBeforeReading) {
		if (generationBeforeReading == generation) {
			entries.putAll(values);
		}
	}

	public void forgetAfterCommit(K key) {
		afterCommit(() -> forget(entries -> entries.remove(key)));
	}

	public void forgetAfterCommit(Predicate<? super V> affected) {
		afterCommit(() -> forget(entries -> entries.values().removeIf(affected)));
	}

	public void forgetAllAfterCommit() {
		afterCommit(() -> forget(Map::clear));
	}

	private synchronized void forget(java.util.function.Consumer<Map<K, V>> removal) {
		generation++;
		removal.accept(entries.asMap());
	}

	private static void afterCommit(Runnable action) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			action.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				action.run();
			}
		});
	}
}
