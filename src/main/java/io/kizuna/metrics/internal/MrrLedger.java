package io.kizuna.metrics.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import io.kizuna.accounts.AccountChanged;
import io.kizuna.accounts.AccountId;
import io.kizuna.accounts.AccountRecords;
import io.kizuna.accounts.AccountRecords.AccountProfile;
import io.kizuna.accounts.AccountsImported;
import io.kizuna.subscriptions.CurrencyRates;
import io.kizuna.subscriptions.SubscriptionChanged;
import io.kizuna.subscriptions.SubscriptionHistories;
import io.kizuna.subscriptions.SubscriptionsImported;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Every account's MRR history and profile, kept in memory so that no dashboard reads the subscription
 * history again. Built from the database in the background at start (100,000 accounts: a few seconds),
 * then kept current account by account from the subscriptions' and accounts' events, after their
 * transactions commit. {@link #version()} moves on with every change, so cached reports know when they
 * are stale.
 */
@Component
class MrrLedger implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(MrrLedger.class);

	/** An import touching more accounts than this is cheaper to follow with one full read. */
	private static final int REBUILD_ABOVE = 5_000;

	private final SubscriptionHistories histories;

	private final AccountRecords accounts;

	private final CurrencyRates rates;

	private final MetricsSettings settings;

	private final Map<AccountId, AccountMrr> mrr = new ConcurrentHashMap<>();

	private final Map<AccountId, AccountProfile> profiles = new ConcurrentHashMap<>();

	private final AtomicLong version = new AtomicLong();

	private volatile boolean ready;

	private final java.util.concurrent.CountDownLatch built = new java.util.concurrent.CountDownLatch(1);

	MrrLedger(SubscriptionHistories histories, AccountRecords accounts, CurrencyRates rates, MetricsSettings settings) {
		this.histories = histories;
		this.accounts = accounts;
		this.rates = rates;
		this.settings = settings;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Thread.ofVirtual().name("mrr-ledger-build").start(() -> {
			try {
				rebuild();
			}
			catch (RuntimeException failure) {
				log.error("metrics: reading the subscription history failed; dashboards stay empty", failure);
			}
		});
	}

	boolean ready() {
		return ready;
	}

	/** Waits a little for the first build, so that a dashboard opened right after a start is not refused at once. */
	boolean awaitReady(java.time.Duration patience) {
		try {
			return built.await(patience.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			return ready;
		}
	}

	long version() {
		return version.get();
	}

	Collection<AccountMrr> histories() {
		return mrr.values();
	}

	Set<Map.Entry<AccountId, AccountMrr>> entries() {
		return mrr.entrySet();
	}

	AccountProfile profile(AccountId id) {
		return profiles.get(id);
	}

	synchronized void rebuild() {
		long started = System.nanoTime();
		Map<AccountId, AccountProfile> freshProfiles = new java.util.HashMap<>();
		accounts.forEachProfile(profile -> freshProfiles.put(profile.id(), profile));
		Map<AccountId, AccountMrr> fresh = new java.util.HashMap<>();
		histories.forEachAccount(changes -> {
			AccountMrr history = AccountMrr.of(changes, settings, rates);
			if (history.size() > 0) {
				fresh.put(changes.getFirst().account(), history);
			}
		});
		profiles.keySet().retainAll(freshProfiles.keySet());
		profiles.putAll(freshProfiles);
		mrr.keySet().retainAll(fresh.keySet());
		mrr.putAll(fresh);
		version.incrementAndGet();
		ready = true;
		built.countDown();
		log.info("metrics: MRR history of {} accounts that ever paid read in {} ms", fresh.size(),
				(System.nanoTime() - started) / 1_000_000);
	}

	synchronized void refresh(Collection<AccountId> changed) {
		Map<AccountId, List<io.kizuna.subscriptions.SubscriptionHistories.RecordedChange>> changes = changed.size() == 1
				? Map.of(changed.iterator().next(), histories.ofAccount(changed.iterator().next()))
				: histories.ofAccounts(changed);
		for (AccountId id : changed) {
			AccountMrr history = AccountMrr.of(changes.getOrDefault(id, List.of()), settings, rates);
			if (history.size() > 0) {
				mrr.put(id, history);
			}
			else {
				mrr.remove(id);
			}
		}
		// Accounts created in bulk (demo data) announce no change of their own: their first revenue brings them here.
		List<AccountId> unknown = changed.stream().filter(id -> !profiles.containsKey(id)).toList();
		if (!unknown.isEmpty()) {
			accounts.profiles(unknown).forEach(profile -> profiles.put(profile.id(), profile));
		}
		version.incrementAndGet();
	}

	synchronized void refreshProfiles(Collection<AccountId> changed) {
		Map<AccountId, AccountProfile> found = accounts.profiles(changed)
			.stream()
			.collect(Collectors.toMap(AccountProfile::id, profile -> profile));
		for (AccountId id : changed) {
			AccountProfile profile = found.get(id);
			if (profile != null) {
				profiles.put(id, profile);
			}
			else { // deleted
				profiles.remove(id);
				mrr.remove(id);
			}
		}
		version.incrementAndGet();
	}

	@ApplicationModuleListener
	void on(SubscriptionChanged event) {
		refresh(List.of(event.accountId()));
	}

	@ApplicationModuleListener
	void on(SubscriptionsImported event) {
		Set<AccountId> changed = event.changes().stream().map(SubscriptionChanged::accountId).collect(Collectors.toSet());
		if (changed.size() > REBUILD_ABOVE) {
			rebuild();
		}
		else {
			refresh(changed);
		}
	}

	@ApplicationModuleListener
	void on(AccountChanged event) {
		refreshProfiles(List.of(event.accountId()));
	}

	@ApplicationModuleListener
	void on(AccountsImported event) {
		Set<AccountId> changed = event.changes().stream().map(AccountChanged::accountId).collect(Collectors.toSet());
		if (changed.size() > REBUILD_ABOVE) {
			rebuild();
		}
		else {
			refreshProfiles(changed);
		}
	}
}
