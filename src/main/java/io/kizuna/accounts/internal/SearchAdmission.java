package io.kizuna.accounts.internal;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Lets as many account searches run at once as there are cores; the others wait in arrival order.
 * A search is pure CPU. With 32 of them at once on two cores each shares the cores with all the
 * others, so an expensive one (no filter, a deep page) takes about sixteen times its own cost, and
 * those set the p99. Waiting in order, every request waits about as long as the others, close to the
 * mean, and the throughput stays the same.
 */
final class SearchAdmission {

	private final Semaphore permits;

	/** @param concurrent searches at once; 0 or less means one per core */
	SearchAdmission(int concurrent) {
		this.permits = new Semaphore(concurrent > 0 ? concurrent : Runtime.getRuntime().availableProcessors(), true);
	}

	<T> T run(Supplier<T> search) {
		permits.acquireUninterruptibly();
		try {
			return search.get();
		}
		finally {
			permits.release();
		}
	}

	int waiting() {
		return permits.getQueueLength();
	}
}
