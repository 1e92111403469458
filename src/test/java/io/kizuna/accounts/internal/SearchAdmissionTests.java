package io.kizuna.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class SearchAdmissionTests {

	@Test
	void searchesBeyondTheLimitWaitAndThenRunInArrivalOrder() throws Exception {
		SearchAdmission admission = new SearchAdmission(1);
		// threads of their own: the common pool has a single thread on two cores
		ExecutorService threads = Executors.newFixedThreadPool(3);
		CountDownLatch running = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		List<String> order = new CopyOnWriteArrayList<>();

		CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> admission.run(() -> {
			running.countDown();
			await(release);
			order.add("first");
			return "first";
		}), threads);
		assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> admission.run(() -> add(order, "second")),
				threads);
		waitUntilWaiting(admission, 1);
		CompletableFuture<String> third = CompletableFuture.supplyAsync(() -> admission.run(() -> add(order, "third")),
				threads);
		waitUntilWaiting(admission, 2);

		assertThat(order).as("nothing runs beside the first").isEmpty();
		release.countDown();

		assertThat(List.of(first.get(5, TimeUnit.SECONDS), second.get(5, TimeUnit.SECONDS),
				third.get(5, TimeUnit.SECONDS))).containsExactly("first", "second", "third");
		assertThat(order).containsExactly("first", "second", "third");
		assertThat(admission.waiting()).isZero();
		threads.shutdown();
	}

	@Test
	void aFailedSearchGivesItsPlaceBack() {
		SearchAdmission admission = new SearchAdmission(1);
		CompletableFuture<Object> failed = CompletableFuture.supplyAsync(() -> admission.run(() -> {
			throw new IllegalStateException("index closed");
		}));
		assertThat(failed).failsWithin(5, TimeUnit.SECONDS);

		assertThat(admission.run(() -> "next")).isEqualTo("next");
	}

	private static String add(List<String> order, String name) {
		order.add(name);
		return name;
	}

	private static void waitUntilWaiting(SearchAdmission admission, int count) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (admission.waiting() < count && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		assertThat(admission.waiting()).isEqualTo(count);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
