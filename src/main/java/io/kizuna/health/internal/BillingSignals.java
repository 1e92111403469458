package io.kizuna.health.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.kizuna.subscriptions.SubscriptionChanged;
import io.kizuna.subscriptions.SubscriptionHistories.RecordedChange;
import io.kizuna.subscriptions.SubscriptionId;
import io.kizuna.subscriptions.SubscriptionStatus;

/**
 * An account's billing as health reads it, from its subscriptions' recorded history: the latest record of
 * each subscription is its current terms; a deleted subscription never counts.
 */
final class BillingSignals {

	private BillingSignals() {
	}

	static Signals.Billing of(List<RecordedChange> changes) {
		Map<SubscriptionId, RecordedChange> latest = new LinkedHashMap<>();
		Map<SubscriptionId, LocalDate> firstPaid = new HashMap<>();
		for (RecordedChange change : changes) {
			latest.put(change.subscription(), change);
			if (change.status() == SubscriptionStatus.ACTIVE) {
				firstPaid.merge(change.subscription(), change.effectiveDate(), (a, b) -> a.isBefore(b) ? a : b);
			}
		}
		int seats = 0;
		boolean paying = false;
		boolean cancelling = false;
		boolean trial = false;
		LocalDate since = null;
		for (RecordedChange current : latest.values()) {
			if (current.kind() == SubscriptionChanged.Kind.DELETED) {
				continue;
			}
			LocalDate first = firstPaid.get(current.subscription());
			since = first == null || (since != null && since.isBefore(first)) ? since : first;
			if (current.status() == SubscriptionStatus.ACTIVE) {
				seats += current.quantity();
				paying |= current.cancelledOn() == null;
				cancelling |= current.cancelledOn() != null;
			}
			else if (current.status() == SubscriptionStatus.TRIAL) {
				seats += current.quantity();
				trial = true;
			}
		}
		Signals.BillingState state = paying ? Signals.BillingState.PAYING
				: cancelling ? Signals.BillingState.CANCELLING
						: trial ? Signals.BillingState.TRIAL : Signals.BillingState.NONE;
		return new Signals.Billing(seats, state, since);
	}
}
