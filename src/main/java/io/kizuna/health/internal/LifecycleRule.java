package io.kizuna.health.internal;

import java.util.List;
import java.util.UUID;

import io.kizuna.accounts.LifecycleStage;
import io.kizuna.shared.InvalidRequest;

/**
 * Moves an account from one lifecycle stage to another once all its conditions hold, e.g. out of
 * onboarding when {@code featuresUsed GTE 3}. Stages can still be set by hand on the account.
 */
record LifecycleRule(UUID id, LifecycleStage from, LifecycleStage to, List<Rule> when) {

	boolean applies(Facts facts) {
		return facts.profile().stage() == from && Rule.all(when, facts);
	}

	LifecycleRule validated() {
		if (from == null || to == null || from == to) {
			throw new InvalidRequest("health.lifecycle.invalid.stages");
		}
		if (when == null || when.isEmpty()) {
			throw new InvalidRequest("health.lifecycle.invalid.noRules");
		}
		return new LifecycleRule(id == null ? UUID.randomUUID() : id, from, to,
				when.stream().map(Rule::validated).toList());
	}
}
