package io.kizuna.activities.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.kizuna.accounts.AccountId;
import io.kizuna.accounts.AccountRecords;
import io.kizuna.activities.ActivityLogged;
import io.kizuna.activities.ActivityLogged.Action;
import io.kizuna.identity.SignedInUser;
import io.kizuna.shared.ConflictException;
import io.kizuna.shared.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Logs, changes and deletes activities, and tells the timeline. */
@Service
@Transactional
class ActivityLog {

	private final Activities activities;

	private final AccountRecords accounts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ActivityLog(Activities activities, AccountRecords accounts, ApplicationEventPublisher events, Clock clock) {
		this.activities = activities;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	Activity get(UUID id) {
		return activities.findById(id).orElseThrow(() -> new NotFoundException("activity.notFound", id));
	}

	Activity log(AccountId account, ActivityDetails details, SignedInUser author) {
		accounts.require(account);
		Instant now = clock.instant();
		Activity activity = new Activity(UUID.randomUUID(), account, details, author.id(), now, now, 1);
		activities.insert(activity);
		published(activity, Action.LOGGED);
		return activity;
	}

	Activity change(UUID id, ActivityDetails details, int expectedVersion, SignedInUser editor) {
		Activity current = editable(id, editor);
		if (current.version() != expectedVersion) {
			throw new ConflictException("activity.changedMeanwhile");
		}
		Activity edited = current.edited(details, clock.instant());
		if (!activities.update(edited, expectedVersion)) {
			throw new ConflictException("activity.changedMeanwhile");
		}
		published(edited, Action.CHANGED);
		return edited;
	}

	AccountId delete(UUID id, SignedInUser editor) {
		Activity current = editable(id, editor);
		activities.delete(id);
		published(current, Action.DELETED);
		return current.accountId();
	}

	private Activity editable(UUID id, SignedInUser editor) {
		Activity current = get(id);
		if (!current.editableBy(editor)) {
			throw new AccessDeniedException("Only the author or an admin may change an activity");
		}
		return current;
	}

	private void published(Activity a, Action action) {
		events.publishEvent(new ActivityLogged(a.id(), a.accountId(), action, a.details().kind(), a.details().subject(),
				a.details().outcome(), a.details().occurredAt(), a.author()));
	}
}
