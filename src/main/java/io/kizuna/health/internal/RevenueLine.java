package io.kizuna.health.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

import io.kizuna.subscriptions.SubscriptionChanged;
import io.kizuna.subscriptions.SubscriptionHistories.RecordedChange;
import io.kizuna.subscriptions.SubscriptionId;

/**
 * One account's MRR over time from its recorded subscription changes, read the way the metrics module reads
 * them: each change sets its subscription's MRR from its effective date on, replacing what earlier records
 * said about later dates; a deleted subscription never counts. One account bills in one currency, so its
 * amounts compare without conversion. What a backtest asks: did the account churn or shrink after a day?
 */
final class RevenueLine {

	private final List<NavigableMap<LocalDate, BigDecimal>> subscriptions;

	private final TreeSet<LocalDate> changeDays = new TreeSet<>();

	RevenueLine(List<RecordedChange> changes) {
		Map<SubscriptionId, NavigableMap<LocalDate, BigDecimal>> bySubscription = new HashMap<>();
		java.util.Set<SubscriptionId> deleted = new java.util.HashSet<>();
		for (RecordedChange change : changes) {
			if (change.kind() == SubscriptionChanged.Kind.DELETED) {
				deleted.add(change.subscription());
				continue;
			}
			NavigableMap<LocalDate, BigDecimal> line = bySubscription.computeIfAbsent(change.subscription(),
					k -> new TreeMap<>());
			line.tailMap(change.effectiveDate(), true).clear();
			line.put(change.effectiveDate(), change.mrrAfter() == null ? BigDecimal.ZERO : change.mrrAfter().amount());
		}
		deleted.forEach(bySubscription::remove);
		bySubscription.values().forEach(line -> changeDays.addAll(line.keySet()));
		this.subscriptions = List.copyOf(bySubscription.values());
	}

	BigDecimal mrr(LocalDate day) {
		BigDecimal total = BigDecimal.ZERO;
		for (NavigableMap<LocalDate, BigDecimal> line : subscriptions) {
			Map.Entry<LocalDate, BigDecimal> entry = line.floorEntry(day);
			if (entry != null) {
				total = total.add(entry.getValue());
			}
		}
		return total;
	}

	/** What happened within the days after {@code day} to an account paying on it. */
	enum Outcome {
		NOT_PAYING, STAYED, CONTRACTED, CHURNED
	}

	Outcome after(LocalDate day, int days) {
		BigDecimal start = mrr(day);
		if (start.signum() <= 0) {
			return Outcome.NOT_PAYING;
		}
		Outcome outcome = Outcome.STAYED;
		for (LocalDate change : changeDays.subSet(day, false, day.plusDays(days), true)) {
			BigDecimal then = mrr(change);
			if (then.signum() <= 0) {
				return Outcome.CHURNED;
			}
			if (then.compareTo(start) < 0) {
				outcome = Outcome.CONTRACTED;
			}
		}
		return outcome;
	}
}
