package io.kizuna.timeline.internal;

import java.util.List;
import java.util.UUID;

import io.kizuna.accounts.AccountChanged;
import io.kizuna.accounts.AccountsImported;
import io.kizuna.activities.ActivitiesImported;
import io.kizuna.activities.ActivityLogged;
import io.kizuna.health.HealthBandChanged;
import io.kizuna.health.HealthBandChanges;
import io.kizuna.subscriptions.SubscriptionChanged;
import io.kizuna.subscriptions.SubscriptionsImported;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Writes the timeline from the other modules' events, after their change has committed, and tells
 * the open account pages. A new module joins the timeline with one more listener here.
 */
@Component
class TimelineRecorder {

	private final TimelineEntries entries;

	private final TimelineBroadcast broadcast;

	TimelineRecorder(TimelineEntries entries, TimelineBroadcast broadcast) {
		this.entries = entries;
		this.broadcast = broadcast;
	}

	@ApplicationModuleListener
	void on(ActivityLogged event) {
		if (event.action() == ActivityLogged.Action.DELETED) {
			entries.deleteSource(event.activityId());
		}
		else {
			entries.replaceSource(entry(event));
		}
		broadcast.changed(event.accountId());
	}

	@ApplicationModuleListener
	void on(SubscriptionChanged event) {
		entries.insert(entry(event));
		broadcast.changed(event.accountId());
	}

	/** Demo data and imports: one batch, and the pages of the accounts concerned told once each. */
	@ApplicationModuleListener
	void on(SubscriptionsImported event) {
		List<TimelineEntry> batch = event.changes().stream().map(TimelineRecorder::entry).toList();
		entries.insertAll(batch);
		batch.stream().map(TimelineEntry::accountId).distinct().forEach(broadcast::changed);
	}

	@ApplicationModuleListener
	void on(ActivitiesImported event) {
		List<TimelineEntry> batch = event.activities().stream().map(TimelineRecorder::entry).toList();
		entries.insertAll(batch);
		batch.stream().map(TimelineEntry::accountId).distinct().forEach(broadcast::changed);
	}

	@ApplicationModuleListener
	void on(AccountsImported event) {
		List<TimelineEntry> batch = event.changes().stream().map(TimelineRecorder::entry).toList();
		entries.insertAll(batch);
		batch.stream().map(TimelineEntry::accountId).distinct().forEach(broadcast::changed);
	}

	@ApplicationModuleListener
	void on(AccountChanged event) {
		// A deleted account takes its timeline with it.
		if (event.kind() == AccountChanged.Kind.DELETED) {
			broadcast.changed(event.accountId());
			return;
		}
		entries.insert(entry(event));
		broadcast.changed(event.accountId());
	}

	/** A recompute's band changes and drops: one batch, each account's page told once. */
	@ApplicationModuleListener
	void on(HealthBandChanges event) {
		List<TimelineEntry> batch = event.changes().stream().map(TimelineRecorder::entry).toList();
		entries.insertAll(batch);
		batch.stream().map(TimelineEntry::accountId).distinct().forEach(broadcast::changed);
	}

	private static TimelineEntry entry(HealthBandChanged event) {
		String action = event.kind() == HealthBandChanged.Kind.DROPPED ? "DROPPED" : event.after().name();
		return new TimelineEntry(UUID.randomUUID(), event.accountId(), event.at(), TimelineKind.HEALTH, action,
				event.scoreBefore() + " → " + event.scoreAfter(), event.scorecard(), null, null, null, null, null);
	}

	private static TimelineEntry entry(AccountChanged event) {
		return new TimelineEntry(UUID.randomUUID(), event.accountId(), event.at(), TimelineKind.ACCOUNT,
				event.kind().name(), event.accountName(), String.join(",", event.fields()), null, null, null, event.by(),
				null);
	}

	private static TimelineEntry entry(ActivityLogged event) {
		return new TimelineEntry(UUID.randomUUID(), event.accountId(), event.occurredAt(), TimelineKind.ACTIVITY,
				event.kind().name(), event.subject(), event.outcome(), null, null, null, event.author(),
				event.activityId());
	}

	private static TimelineEntry entry(SubscriptionChanged event) {
		return new TimelineEntry(UUID.randomUUID(), event.accountId(), event.at(), TimelineKind.SUBSCRIPTION,
				event.kind().name(), event.product(), String.join(",", event.fields()), event.mrrBefore().amount(),
				event.mrrAfter().amount(), event.mrrAfter().currency().getCurrencyCode(), event.by(),
				event.subscriptionId().value());
	}
}
