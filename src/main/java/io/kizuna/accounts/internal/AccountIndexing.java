package io.kizuna.accounts.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.kizuna.accounts.AccountId;
import io.kizuna.shared.PageQuery;
import io.kizuna.shared.PageResult;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the account search index in step with the database and answers the account table from it.
 * The index is built from the database at start; every write path names the accounts it changed, and
 * they are read back and re-indexed once the transaction has committed (a rolled-back change never
 * shows). With several Kizuna instances each keeps its own index, which sees only its own writes: a
 * shared log (Kafka) is the way there.
 */
@Component
class AccountIndexing implements SmartInitializingSingleton, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(AccountIndexing.class);

	private static final int CHUNK = 1000;

	/** After re-indexing this many accounts at once (an import), the index is merged into one segment again. */
	private static final int LARGE = 10_000;

	private final Accounts accounts;

	private final CustomFields customFields;

	private final AccountSearchIndex index;

	/**
	 * The indexed accounts themselves, so that a page of the table needs no database round trip at
	 * all (about 1 KB an account: 100 MB for 100,000).
	 */
	private final Map<AccountId, Account> current = new java.util.concurrent.ConcurrentHashMap<>();

	private final SearchAdmission admission;

	AccountIndexing(Accounts accounts, CustomFields customFields, SizeBands bands,
			@Value("${kizuna.accounts.concurrent-searches:0}") int concurrentSearches) {
		this.accounts = accounts;
		this.customFields = customFields;
		this.index = new AccountSearchIndex(bands);
		this.admission = new SearchAdmission(concurrentSearches);
	}

	/** Until the first build is done, the table is answered by SQL and changes wait here. */
	private volatile boolean ready;

	private final Set<AccountId> changedWhileBuilding = java.util.concurrent.ConcurrentHashMap.newKeySet();

	/** Builds in the background so that a large database does not hold up the start (100,000 accounts: about 10 s). */
	@Override
	public void afterSingletonsInstantiated() {
		Thread.ofVirtual().name("account-index-build").start(() -> {
			try {
				rebuild();
			}
			catch (RuntimeException failure) {
				log.error("account search index: build failed; the account table stays on SQL", failure);
			}
		});
	}

	synchronized void rebuild() {
		ready = false;
		long started = System.nanoTime();
		index.clear();
		current.clear();
		int[] count = { 0 };
		accounts.forEachChunk(new AccountQuery(null, null, null, null, null, null, null, Map.of(),
				new PageQuery(0, 1, "name", true)), CHUNK, rows -> {
					List<Account> chunk = rows.stream().map(this::withHealth).toList();
					index.load(chunk);
					chunk.forEach(account -> current.put(account.id(), account));
					count[0] += chunk.size();
				});
		index.compact();
		List<AccountId> waiting;
		synchronized (changedWhileBuilding) {
			ready = true;
			waiting = List.copyOf(changedWhileBuilding);
			changedWhileBuilding.clear();
		}
		applyAllHealth();
		refresh(waiting);
		if (count[0] > 0) {
			log.info("account search index: {} accounts in {} ms", count[0], (System.nanoTime() - started) / 1_000_000);
		}
	}

	boolean ready() {
		return ready;
	}

	/** Merges the index after a bulk load written in many small steps (the demo company). */
	void compact() {
		index.compact();
	}

	/** Re-indexes these accounts after the current transaction commits (or at once without one). */
	void changed(Collection<AccountId> ids) {
		if (ids.isEmpty()) {
			return;
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			refresh(ids);
			return;
		}
		pending().addAll(ids);
	}

	void changed(AccountId id) {
		changed(List.of(id));
	}

	/**
	 * What the health module last said of each account (score, band, trend, segment). It lives here, in
	 * memory, and not in the account table: a changed scorecard moves 100,000 scores at once, and the
	 * account table's many indexes made writing them there take longer than the whole recompute may. The
	 * health module says it all again at every start.
	 */
	private final Map<AccountId, io.kizuna.accounts.AccountRecords.AccountHealth> health =
			new java.util.concurrent.ConcurrentHashMap<>();

	private Account withHealth(Account account) {
		io.kizuna.accounts.AccountRecords.AccountHealth h = health.get(account.id());
		return h == null ? account : account.withHealth(h);
	}

	/**
	 * The health of these accounts changed: kept, and written into the index in place (a few numbers per
	 * account, so 100,000 of them take a fraction of a second on the caller's thread).
	 */
	void healthChanged(Map<AccountId, io.kizuna.accounts.AccountRecords.AccountHealth> changed) {
		if (changed.isEmpty()) {
			return;
		}
		synchronized (healthLock) {
			Map<AccountId, io.kizuna.accounts.AccountRecords.AccountHealth> before = new HashMap<>();
			changed.keySet().forEach(id -> {
				var old = health.get(id);
				if (old != null) {
					before.put(id, old);
				}
			});
			health.putAll(changed);
			boolean moved = index.learn(changed.values());
			if (!ready) {
				// The build ends by writing all health known by then.
				return;
			}
			for (AccountId id : changed.keySet()) {
				current.computeIfPresent(id, (k, a) -> withHealth(a));
			}
			if (moved) {
				index.updateHealth(Map.copyOf(health), Map.of());
			}
			else {
				index.updateHealth(changed, before);
			}
		}
	}

	/** After a build: the health said while it ran may have missed accounts it had already put in. */
	private void applyAllHealth() {
		synchronized (healthLock) {
			index.learn(health.values());
			current.replaceAll((id, account) -> withHealth(account));
			index.updateHealth(Map.copyOf(health), Map.of());
		}
	}

	/** The segments accounts are in now, for the table's filter. */
	List<String> segments() {
		return health.values().stream().map(h -> h.segment()).filter(java.util.Objects::nonNull).distinct().sorted().toList();
	}

	private final Object healthLock = new Object();

	/** One set of changed accounts per transaction, refreshed once after it commits. */
	@SuppressWarnings("unchecked")
	private Set<AccountId> pending() {
		Object existing = TransactionSynchronizationManager.getResource(this);
		if (existing != null) {
			return (Set<AccountId>) existing;
		}
		Set<AccountId> ids = new LinkedHashSet<>();
		TransactionSynchronizationManager.bindResource(this, ids);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(AccountIndexing.this);
				if (status == STATUS_COMMITTED) {
					refresh(ids);
				}
			}
		});
		return ids;
	}

	private void refresh(Collection<AccountId> ids) {
		synchronized (changedWhileBuilding) {
			if (!ready) {
				changedWhileBuilding.addAll(ids);
				return;
			}
		}
		List<AccountId> all = List.copyOf(ids);
		boolean large = all.size() >= LARGE;
		for (int from = 0; from < all.size(); from += CHUNK) {
			List<AccountId> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
			List<Account> read = accounts.findAll(chunk);
			// Under the health lock: a health change meanwhile could give out places this document does not know.
			synchronized (healthLock) {
				List<Account> found = read.stream().map(this::withHealth).toList();
				index.put(found);
				found.forEach(account -> current.put(account.id(), account));
				Set<AccountId> gone = new LinkedHashSet<>(chunk);
				found.forEach(account -> gone.remove(account.id()));
				index.remove(gone);
				gone.forEach(current::remove);
			}
		}
		if (large) {
			index.compact();
		}
	}

	/** The table's page: ids from the index in order, the accounts themselves from the database. */
	PageResult<Account> search(AccountQuery query) {
		if (!ready) {
			if ((query.band() != null && !query.band().isBlank()) || (query.segment() != null && !query.segment().isBlank())) {
				// Health lives in the index only: until it is built, nothing is known to match.
				return new PageResult<>(List.of(), 0, query.page().page(), query.page().size());
			}
			return accounts.search(query);
		}
		Map<String, CustomField> fields = new HashMap<>();
		if (!query.custom().isEmpty()) {
			customFields.all().forEach(field -> fields.put(field.key(), field));
		}
		AccountSearchIndex.Hits hits = admission.run(() -> index.search(query, fields));
		List<Account> page = new ArrayList<>();
		hits.ids().stream().map(current::get).filter(java.util.Objects::nonNull).forEach(page::add);
		return new PageResult<>(page, hits.total(), query.page().page(), query.page().size());
	}

	@Override
	public void destroy() throws Exception {
		index.close();
	}
}
