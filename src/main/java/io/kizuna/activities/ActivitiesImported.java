package io.kizuna.activities;

import java.util.List;

/** Many activities logged at once (demo data, a CSV import), told in one event for batch listeners. */
public record ActivitiesImported(List<ActivityLogged> activities) {
}
