package io.kizuna.activities.internal;

import java.util.List;
import java.util.Objects;

import io.kizuna.identity.SignedInUser;
import io.kizuna.identity.UserDirectory;

import org.springframework.stereotype.Component;

@Component
class ActivityViews {

	private final UserDirectory directory;

	ActivityViews(UserDirectory directory) {
		this.directory = directory;
	}

	List<ActivityView> of(List<Activity> activities, SignedInUser viewer) {
		var names = directory.names(activities.stream().map(Activity::author).filter(Objects::nonNull).distinct().toList());
		return activities.stream().map(a -> {
			ActivityDetails d = a.details();
			return new ActivityView(a.id().toString(), a.accountId().toString(), d.kind(), d.occurredAt(), d.subject(),
					d.participants(), d.outcome(), d.nextSteps(), a.author() == null ? null : a.author().toString(),
					names.get(a.author()), a.editableBy(viewer), a.updatedAt(), a.version());
		}).toList();
	}

	ActivityView of(Activity activity, SignedInUser viewer) {
		return of(List.of(activity), viewer).getFirst();
	}
}
