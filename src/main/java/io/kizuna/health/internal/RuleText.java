package io.kizuna.health.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.kizuna.accounts.LifecycleStage;
import io.kizuna.shared.InvalidRequest;

/**
 * Rules as an admin types them, one per line: {@code size EQ ENTERPRISE} for a segment, and
 * {@code ONBOARDING -> ADOPTION: featuresUsed GTE 3; activeUsers GTE 5} for a lifecycle rule.
 * A line that cannot be read is refused with its number.
 */
final class RuleText {

	private RuleText() {
	}

	static List<Rule> rules(String text) {
		List<Rule> rules = new ArrayList<>();
		String[] lines = text == null ? new String[0] : text.split("\\R");
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (!line.isEmpty()) {
				rules.add(rule(line, i + 1));
			}
		}
		return rules;
	}

	private static Rule rule(String line, int number) {
		String[] parts = line.split("\\s+", 3);
		if (parts.length < 3) {
			throw new InvalidRequest("health.rule.invalid.line", number, line);
		}
		try {
			return new Rule(parts[0], Rule.Op.valueOf(parts[1].toUpperCase(Locale.ROOT)), parts[2]).validated();
		}
		catch (IllegalArgumentException unknownOp) {
			throw new InvalidRequest("health.rule.invalid.line", number, line);
		}
	}

	static String text(List<Rule> rules) {
		return String.join("\n", rules.stream().map(r -> r.field() + " " + r.op() + " " + r.value()).toList());
	}

	static List<LifecycleRule> lifecycle(String text) {
		List<LifecycleRule> rules = new ArrayList<>();
		String[] lines = text == null ? new String[0] : text.split("\\R");
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty()) {
				continue;
			}
			java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\w+)\\s*->\\s*(\\w+)\\s*:\\s*(.+)").matcher(line);
			if (!m.matches()) {
				throw new InvalidRequest("health.lifecycle.invalid.line", i + 1, line);
			}
			try {
				List<Rule> when = new ArrayList<>();
				for (String condition : m.group(3).split(";")) {
					if (!condition.isBlank()) {
						when.add(rule(condition.strip(), i + 1));
					}
				}
				rules.add(new LifecycleRule(null, LifecycleStage.valueOf(m.group(1).toUpperCase(Locale.ROOT)),
						LifecycleStage.valueOf(m.group(2).toUpperCase(Locale.ROOT)), when).validated());
			}
			catch (IllegalArgumentException unknownStage) {
				throw new InvalidRequest("health.lifecycle.invalid.line", i + 1, line);
			}
		}
		return rules;
	}

	static String lifecycleText(List<LifecycleRule> rules) {
		return String.join("\n", rules.stream()
			.map(r -> r.from() + " -> " + r.to() + ": "
					+ String.join("; ", r.when().stream().map(c -> c.field() + " " + c.op() + " " + c.value()).toList()))
			.toList());
	}
}
