package io.kizuna.health.internal;

import java.util.List;

import io.kizuna.shared.InvalidRequest;

/**
 * A group of accounts by rules (all must hold), e.g. "Enterprise: size EQ ENTERPRISE, plan EQ Pro", with
 * the way it is served: high-touch (a named CSM, regular meetings), low-touch (pooled CSMs, one-to-many) or
 * tech-touch (in-app guides and e-mail only). An account is in the first segment, by priority, whose rules
 * it meets, so every account has one coverage.
 */
record Segment(String key, String name, Coverage coverage, int priority, List<Rule> rules, int version) {

	enum Coverage {
		HIGH_TOUCH, LOW_TOUCH, TECH_TOUCH;

		public String labelKey() {
			return "health.coverage." + name();
		}
	}

	boolean contains(Facts facts) {
		return Rule.all(rules, facts);
	}

	Segment validated() {
		if (key == null || !key.matches("[a-z0-9][a-z0-9-]{0,59}")) {
			throw new InvalidRequest("health.segment.invalid.key");
		}
		if (name == null || name.isBlank() || name.length() > 100) {
			throw new InvalidRequest("health.segment.invalid.name");
		}
		if (coverage == null) {
			throw new InvalidRequest("health.segment.invalid.coverage");
		}
		if (rules == null || rules.isEmpty()) {
			throw new InvalidRequest("health.segment.invalid.noRules");
		}
		return new Segment(key, name.strip(), coverage, priority, rules.stream().map(Rule::validated).toList(), version);
	}
}
