package io.kizuna.subscriptions;

import java.util.List;

/**
 * Many subscription changes written at once (demo data, a CSV import), told in one event so that a
 * listener such as the timeline can write them in one batch instead of one transaction each.
 */
public record SubscriptionsImported(List<SubscriptionChanged> changes) {
}
