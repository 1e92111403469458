package io.kizuna.health.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.kizuna.accounts.AccountId;
import io.kizuna.accounts.AccountRecords;
import io.kizuna.accounts.AccountRecords.AccountHealth;
import io.kizuna.accounts.AccountRecords.AccountProfile;
import io.kizuna.accounts.LifecycleStage;
import io.kizuna.health.HealthBand;
import io.kizuna.health.HealthBandChanged;
import io.kizuna.health.HealthBandChanges;
import io.kizuna.usage.UsageSignals;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.ObjectMapper;

/**
 * Keeps every account's health score current. Each account's signals (profile, usage, billing, surveys,
 * sentiment) sit in memory, so a full recompute of 100,000 accounts is arithmetic plus writing what
 * changed; accounts whose signals moved are marked dirty and rescored from fresh reads a moment later
 * ({@link HealthTriggers}). Only what changed is written: the current score, the day's history row, the
 * account table's columns, and a band change for the timeline and playbooks.
 */
@Component
class HealthEngine {

	private static final Logger log = LoggerFactory.getLogger(HealthEngine.class);

	private static final int CHUNK = 5_000;

	/** What the engine holds of one account between refreshes. */
	private static final class Entry {

		AccountProfile profile;

		Signals signals = Signals.NONE;

		Integer score;

		HealthBand band;

		Map<Metric, Double> values;

		Map<Metric, List<Object>> readings;

		UUID card;

		Integer monthAgo;

		AccountHealth shown;

		Entry(AccountProfile profile) {
			this.profile = profile;
		}
	}

	/** How far the running (or last) full recompute got. */
	record Progress(int done, int total, Instant started, Instant finished, int changed) {

		public boolean running() {
			return finished == null;
		}

		public int percent() {
			return total == 0 ? 100 : (int) (100L * done / total);
		}

		public long millis() {
			return finished == null ? 0 : java.time.Duration.between(started, finished).toMillis();
		}
	}

	/**
	 * Written only by whoever holds {@link #work}; read without it by pages (the overview's counts), which
	 * may see a recompute half done but never wait for one.
	 */
	private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();

	/** One scoring at a time: the start, a full recompute or a refresh. */
	private final java.util.concurrent.locks.ReentrantLock work = new java.util.concurrent.locks.ReentrantLock();

	private final Set<UUID> dirty = ConcurrentHashMap.newKeySet();

	/** Accounts whose usage alone moved: their other signals are kept, only usage is read again. */
	private final Set<UUID> usageDirty = ConcurrentHashMap.newKeySet();

	private final Scorecards scorecards;

	private final SegmentBook segments;

	private final HealthRecords records;

	private final CsmJudgement judgement;

	private final HealthSources sources;

	private final AccountRecords accounts;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final tools.jackson.databind.ObjectWriter valuesOut;

	private final tools.jackson.databind.ObjectWriter readingsOut;

	private final tools.jackson.databind.ObjectReader valuesIn;

	private final tools.jackson.databind.ObjectReader readingsIn;

	private final Clock clock;

	private final ZoneId zone;

	private final HealthSettings settings;

	private volatile boolean ready;

	/** A clearing of replaced rows is running (one at a time; a recompute does not wait for it). */
	private final java.util.concurrent.atomic.AtomicBoolean clearing = new java.util.concurrent.atomic.AtomicBoolean();

	private volatile Progress progress;

	HealthEngine(Scorecards scorecards, SegmentBook segments, HealthRecords records, CsmJudgement judgement,
			HealthSources sources, AccountRecords accounts, TransactionTemplate transactions,
			ApplicationEventPublisher events, ObjectMapper json, Clock clock, HealthSettings settings,
			@Value("${kizuna.default-time-zone:Asia/Tokyo}") ZoneId zone) {
		this.scorecards = scorecards;
		this.segments = segments;
		this.records = records;
		this.judgement = judgement;
		this.sources = sources;
		this.accounts = accounts;
		this.transactions = transactions;
		this.events = events;
		// Bound to their types once: an untyped write looked the map's key serializer up again for every row.
		this.valuesOut = json.writerFor(VALUES);
		this.readingsOut = json.writerFor(READINGS);
		this.valuesIn = json.readerFor(VALUES);
		this.readingsIn = json.readerFor(READINGS);
		this.clock = clock;
		this.zone = zone;
		this.settings = settings;
	}

	boolean ready() {
		return ready;
	}

	Progress progress() {
		return progress;
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	ZoneId zone() {
		return zone;
	}

	/** These accounts' signals moved; they are rescored on the next refresh. */
	void markDirty(Collection<UUID> accountIds) {
		dirty.addAll(accountIds);
	}

	/** These accounts' usage moved (the usage feed); only their usage is read again. */
	void markUsageDirty(Collection<UUID> accountIds) {
		usageDirty.addAll(accountIds);
	}

	/** Start and nightly: every signal read again in bulk, then every account scored. */
	void reloadAndRecompute() {
		work.lock();
		try {
			reloadAndRecomputeLocked();
		}
		finally {
			work.unlock();
			handOnBandChanges();
		}
	}

	private void reloadAndRecomputeLocked() {
		long started = System.nanoTime();
		transactions.executeWithoutResult(status -> scorecards.ensureDefault());
		LocalDate today = today();
		Map<UUID, Entry> fresh = new HashMap<>();
		accounts.forEachProfile(p -> fresh.put(p.id().value(), new Entry(p)));
		sources.forEach(today, (id, update) -> {
			Entry entry = fresh.get(id);
			if (entry != null) {
				entry.signals = update.apply(entry.signals);
			}
		});
		records.asOf(today).forEach((id, day) -> {
			Entry entry = fresh.get(id);
			if (entry != null) {
				entry.score = day.score();
				entry.band = day.band();
				entry.values = valuesIn.readValue(day.values());
				if (day.readings() != null) {
					entry.readings = new java.util.EnumMap<>(Metric.class);
					readingsIn.<Map<Metric, List<Object>>>readValue(day.readings())
						.forEach((m, said) -> entry.readings.put(m, normal(said)));
				}
				entry.card = day.scorecard();
			}
		});
		records.asOf(today.minusDays(30)).forEach((id, day) -> {
			Entry entry = fresh.get(id);
			if (entry != null && day.scored()) {
				entry.monthAgo = day.score();
			}
		});
		entries.clear();
		entries.putAll(fresh);
		dirty.clear();
		usageDirty.clear();
		log.info("health: signals of {} accounts read in {} ms", entries.size(), (System.nanoTime() - started) / 1_000_000);
		recomputeAllLocked();
		ready = true;
	}

	/**
	 * Scores every account from the signals in memory (after a scorecard or segment changed, and nightly
	 * for time-driven measures such as days since last seen), writing only what changed.
	 */
	Progress recomputeAll() {
		work.lock();
		try {
			return recomputeAllLocked();
		}
		finally {
			work.unlock();
			handOnBandChanges();
		}
	}

	/**
	 * A full recompute's band changes, handed on once it is over and the lock is free: the timeline writes
	 * its entries as it hears them (tens of thousands after a changed weight, seconds of work), and neither
	 * the scores nor the next refresh need wait for that.
	 */
	private void handOnBandChanges() {
		List<HealthBandChanged> changes;
		synchronized (unpublished) {
			changes = List.copyOf(unpublished);
			unpublished.clear();
		}
		if (!changes.isEmpty()) {
			long started = System.nanoTime();
			transactions.executeWithoutResult(status -> events.publishEvent(new HealthBandChanges(changes)));
			log.info("health: {} band changes handed on in {} ms", changes.size(), (System.nanoTime() - started) / 1_000_000);
		}
	}

	/** Band changes of full recomputes not handed on yet. */
	private final List<HealthBandChanged> unpublished = new ArrayList<>();

	private Progress recomputeAllLocked() {
		LocalDate today = today();
		Instant now = clock.instant();
		Map<UUID, Integer> overrides = judgement.overrides(now);
		List<Entry> all = new ArrayList<>(entries.values());
		progress = new Progress(0, all.size(), now, null, 0);
		deferredMarks = new LinkedHashMap<>();
		deferredChanges = new ArrayList<>();
		scoringNanos = 0;
		writingNanos = 0;
		int changed = 0;
		boolean analysed = false;
		try {
			for (int from = 0; from < all.size(); from += CHUNK) {
				List<Entry> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
				changed += applyAndMove(chunk, today, overrides);
				progress = new Progress(from + chunk.size(), all.size(), progress.started(), null, changed);
				if (!analysed && changed >= 20_000) {
					// A first scoring fills a near-empty table: plans made for it would scan it row by row.
					records.refreshStatistics();
					analysed = true;
				}
			}
		}
		finally {
			Map<AccountId, AccountHealth> marks = deferredMarks;
			synchronized (unpublished) {
				unpublished.addAll(deferredChanges);
			}
			deferredMarks = null;
			deferredChanges = null;
			try {
				// Part of the recompute's time: done when the account table shows the new scores too.
				long handing = System.nanoTime();
				accounts.recordHealth(marks);
				log.info("health: recompute spent {} ms scoring, {} ms writing scores, {} ms on the account table",
						scoringNanos / 1_000_000, writingNanos / 1_000_000, (System.nanoTime() - handing) / 1_000_000);
			}
			finally {
				progress = new Progress(progress.done(), all.size(), progress.started(), clock.instant(), changed);
			}
		}
		log.info("health: {} accounts scored in {} ms, {} changed", all.size(), progress.millis(), changed);
		if (changed >= 20_000 && clearing.compareAndSet(false, true)) {
			Thread.ofVirtual().name("health-clear").start(() -> {
				try {
					records.clearReplacedRows();
				}
				catch (RuntimeException failed) {
					log.warn("health: clearing replaced score rows failed: {}", failed.getMessage());
				}
				finally {
					clearing.set(false);
				}
			});
		}
		return progress;
	}

	/** Rescores the accounts marked dirty, from fresh reads of their signals. */
	int refreshDirty() {
		work.lock();
		try {
			return refreshDirtyLocked();
		}
		finally {
			work.unlock();
		}
	}

	/**
	 * The same for a person who just changed something and waits for the answer: done now when nothing else
	 * is scoring, else left to the schedule (a full recompute can take seconds).
	 */
	void refreshDirtyUnlessBusy() {
		if (work.tryLock()) {
			try {
				refreshDirtyLocked();
			}
			finally {
				work.unlock();
			}
		}
	}

	private int refreshDirtyLocked() {
		if (!ready || (dirty.isEmpty() && usageDirty.isEmpty())) {
			return 0;
		}
		List<UUID> ids = new ArrayList<>(dirty);
		dirty.removeAll(ids);
		List<UUID> usageOnly = new ArrayList<>(usageDirty);
		usageDirty.removeAll(usageOnly);
		usageOnly.removeAll(ids);
		long started = System.nanoTime();
		int changed = (ids.isEmpty() ? 0 : refresh(ids)) + (usageOnly.isEmpty() ? 0 : refreshUsage(usageOnly));
		long millis = (System.nanoTime() - started) / 1_000_000;
		if (millis >= 500) {
			log.info("health: {} accounts (usage only: {}) refreshed in {} ms", ids.size() + usageOnly.size(),
					usageOnly.size(), millis);
		}
		return changed;
	}

	/** Reads only the usage of accounts the engine holds already (others get a full read). */
	private int refreshUsage(List<UUID> ids) {
		List<UUID> unknown = ids.stream().filter(id -> !entries.containsKey(id)).toList();
		List<UUID> known = ids.stream().filter(entries::containsKey).toList();
		int changed = unknown.isEmpty() ? 0 : refresh(unknown);
		LocalDate today = today();
		Map<UUID, io.kizuna.usage.UsageSignals.Signal> usage = sources
			.usageOf(known.stream().map(AccountId::new).toList(), today);
		List<Entry> batch = new ArrayList<>();
		for (UUID id : known) {
			Entry entry = entries.get(id);
			entry.signals = entry.signals.withUsage(usage.get(id));
			batch.add(entry);
		}
		return changed + applyAndMove(batch, today, judgement.overrides(clock.instant()));
	}

	private int refresh(List<UUID> ids) {
		LocalDate today = today();
		List<AccountId> accountIds = ids.stream().map(AccountId::new).toList();
		Map<UUID, AccountProfile> profiles = new HashMap<>();
		accounts.profiles(accountIds).forEach(p -> profiles.put(p.id().value(), p));
		Map<UUID, Signals> signals = sources.of(accountIds, today);
		List<Entry> batch = new ArrayList<>();
		for (UUID id : ids) {
			AccountProfile profile = profiles.get(id);
			if (profile == null) {
				entries.remove(id);
				continue;
			}
			Entry entry = entries.computeIfAbsent(id, k -> new Entry(profile));
			entry.profile = profile;
			entry.signals = signals.getOrDefault(id, Signals.NONE);
			batch.add(entry);
		}
		Map<UUID, Integer> overrides = judgement.overrides(clock.instant());
		return applyAndMove(batch, today, overrides);
	}

	/**
	 * Scores and stores in one transaction, then moves lifecycle stages, each an account edit of its own:
	 * one that fails (the account changed meanwhile) must not undo the scores, and is tried again on the
	 * account's next scoring.
	 */
	private int applyAndMove(List<Entry> batch, LocalDate today, Map<UUID, Integer> overrides) {
		Map<AccountId, LifecycleStage> moves = new LinkedHashMap<>();
		int changed;
		try {
			changed = transactions.execute(status -> apply(batch, today, overrides, moves));
		}
		catch (RuntimeException failed) {
			// What memory says was stored was not: forget it, so that the next refresh writes these again.
			batch.forEach(entry -> {
				entry.values = null;
				entry.shown = null;
				dirty.add(entry.profile.id().value());
			});
			throw failed;
		}
		moves.forEach((account, stage) -> {
			try {
				accounts.moveStage(account, stage);
			}
			catch (RuntimeException refused) {
				log.warn("health: lifecycle rule could not move {} to {}: {}", account, stage, refused.getMessage());
			}
		});
		return changed;
	}

	/** Scores these entries and writes what changed, in the caller's transaction; answers how many changed. */
	/**
	 * What a full recompute hands on only at its end, all at once: the account table's marks (their search
	 * index work) and the band changes (timeline entries). Scores come first; the rest follows them.
	 */
	private Map<AccountId, AccountHealth> deferredMarks;

	private List<HealthBandChanged> deferredChanges;

	/** Where a full recompute's time went, for its log line. */
	private long scoringNanos;

	private long writingNanos;

	/** Scores these entries and writes what changed, in the caller's transaction; answers how many rows. */
	private int apply(List<Entry> batch, LocalDate today, Map<UUID, Integer> overrides,
			Map<AccountId, LifecycleStage> moves) {
		long applyStarted = System.nanoTime();
		Instant now = clock.instant();
		// Read once for the batch, then evaluated directly: through their beans it was two proxied calls an account.
		List<Segment> segmentList = segments.segments();
		List<LifecycleRule> lifecycle = segments.lifecycle();
		List<Scorecard> cards = scorecards.all();
		List<HealthRecords.Day> rows = new ArrayList<>();
		List<HealthBandChanged> changes = new ArrayList<>();
		Map<AccountId, AccountHealth> shown = new LinkedHashMap<>();
		for (Entry entry : batch) {
			UUID id = entry.profile.id().value();
			Segment segment = SegmentBook.segmentOf(segmentList, facts(entry, entry.score, entry.band, today));
			Scorecard card = Scorecards.forSegments(cards, segment == null ? Set.of() : Set.of(segment.key()));
			// A customer that has left has no health to watch; its history stays for backtests.
			Scorecard.Result result = entry.profile.stage() == LifecycleStage.CHURNED ? Scorecard.Result.NONE
					: card.score(entry.signals, today, zone);
			Map<Metric, Double> values = result.values();
			Map<Metric, List<Object>> readings = said(result);
			// Compared as maps: JSON is written only for the rows that changed.
			boolean moved = !java.util.Objects.equals(result.score(), entry.score) || result.band() != entry.band
					|| !values.equals(entry.values) || !readings.equals(entry.readings)
					|| !java.util.Objects.equals(card.id(), entry.card);
			// An account never scored stays without rows until it has something to say.
			if (moved && (result.score() != null || entry.score != null)) {
				rows.add(new HealthRecords.Day(id, today, card.id(), result.score(), result.band(),
						valuesOut.writeValueAsString(values), readingsOut.writeValueAsString(readings), now));
				HealthBandChanged change = result.score() == null ? null : change(entry, result, card, now);
				if (change != null) {
					changes.add(change);
				}
			}
			entry.score = result.score();
			entry.band = result.band();
			entry.values = values;
			entry.readings = readings;
			entry.card = card.id();
			Integer override = overrides.get(id);
			Integer showScore = override != null ? override : entry.score;
			AccountHealth mark = new AccountHealth(showScore, showScore == null ? null : card.band(showScore).name(),
					entry.score == null || entry.monthAgo == null ? null : entry.score - entry.monthAgo,
					segment == null ? null : segment.key());
			if (!mark.equals(entry.shown)) {
				shown.put(entry.profile.id(), mark);
				entry.shown = mark;
			}
			SegmentBook.nextStage(lifecycle, facts(entry, entry.score, entry.band, today))
				.ifPresent(stage -> moves.put(entry.profile.id(), stage));
		}
		long scored = System.nanoTime();
		records.store(rows);
		records.bandChanged(changes.stream().filter(c -> c.kind() == HealthBandChanged.Kind.BAND_CHANGED).toList());
		if (deferredMarks != null) {
			scoringNanos += scored - applyStarted;
			writingNanos += System.nanoTime() - scored;
			deferredMarks.putAll(shown);
			deferredChanges.addAll(changes);
			return rows.size();
		}
		accounts.recordHealth(shown);
		if (!changes.isEmpty()) {
			events.publishEvent(new HealthBandChanges(changes));
		}
		return rows.size();
	}

	/** What every metric's reading said, by metric (stored as compact JSON; the words are made when shown). */
	private static Map<Metric, List<Object>> said(Scorecard.Result result) {
		Map<Metric, List<Object>> said = new java.util.EnumMap<>(Metric.class);
		result.readings().forEach((metric, reading) -> said.put(metric, normal(metric.said(reading))));
		return said;
	}

	/** Whole numbers as longs, others as doubles: what memory holds compares equal to what JSON gives back. */
	private static List<Object> normal(List<Object> said) {
		return said.stream()
			.map(o -> o instanceof Double || o instanceof Float ? (Object) ((Number) o).doubleValue()
					: o instanceof Number n ? (Object) n.longValue() : o)
			.toList();
	}

	private static final tools.jackson.core.type.TypeReference<Map<Metric, Double>> VALUES = new tools.jackson.core.type.TypeReference<>() {
	};

	private static final tools.jackson.core.type.TypeReference<Map<Metric, List<Object>>> READINGS = new tools.jackson.core.type.TypeReference<>() {
	};

	private Facts facts(Entry entry, Integer score, HealthBand band, LocalDate today) {
		return new Facts(entry.profile, entry.signals, score, band, today, zone);
	}

	/** A band change, or a fall of at least the configured points within the band; a first score is neither. */
	private HealthBandChanged change(Entry entry, Scorecard.Result result, Scorecard card, Instant now) {
		if (entry.score == null) {
			return null;
		}
		if (result.band() != entry.band) {
			return new HealthBandChanged(entry.profile.id(), HealthBandChanged.Kind.BAND_CHANGED, entry.band,
					result.band(), entry.score, result.score(), card.name(), now);
		}
		if (entry.score - result.score() >= settings.dropPoints()) {
			return new HealthBandChanged(entry.profile.id(), HealthBandChanged.Kind.DROPPED, entry.band, result.band(),
					entry.score, result.score(), card.name(), now);
		}
		return null;
	}


	/** How many accounts each segment holds now (key "" for accounts in none). */
	Map<String, Integer> segmentSizes() {
		Map<String, Integer> sizes = new HashMap<>();
		entries.values().forEach(e -> sizes.merge(e.shown == null || e.shown.segment() == null ? "" : e.shown.segment(),
				1, Integer::sum));
		return sizes;
	}

	/**
	 * Accounts by segment and band as shown (overrides included): for each segment key ("" for none), the
	 * counts of GOOD, NEUTRAL, AT_RISK and not yet scored.
	 */
	Map<String, int[]> distribution() {
		Map<String, int[]> counts = new java.util.TreeMap<>();
		for (Entry e : entries.values()) {
			String segment = e.shown == null || e.shown.segment() == null ? "" : e.shown.segment();
			int slot = e.shown == null || e.shown.band() == null ? 3 : HealthBand.valueOf(e.shown.band()).ordinal();
			counts.computeIfAbsent(segment, k -> new int[4])[slot]++;
		}
		return counts;
	}

	java.util.Optional<LocalDate[]> historySpan() {
		return records.historySpan();
	}

	/** The band an account is in now (computed, without overrides), null when unscored or unknown. */
	HealthBand bandOf(UUID account) {
		Entry entry = entries.get(account);
		return entry == null ? null : entry.band;
	}

	/** Drops an account that was deleted. */
	void forget(UUID account) {
		entries.remove(account);
		dirty.remove(account);
		usageDirty.remove(account);
	}
}
