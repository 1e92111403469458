package io.kizuna.health.internal;

import java.util.Arrays;
import java.util.List;

import io.kizuna.shared.InvalidRequest;

/**
 * One condition of a segment or lifecycle rule, e.g. {@code size EQ ENTERPRISE} or {@code mrr GTE 500000}
 * (amounts in the reporting currency). Numbers compare as numbers, everything else as text ignoring case;
 * {@code IN} takes a comma-separated list. A field the account has no value for matches nothing, and
 * neither does a number compared with text.
 */
record Rule(String field, Op op, String value) {

	enum Op {
		EQ, NE, IN, GTE, LTE, GT, LT
	}

	boolean holds(Facts facts) {
		Object actual = facts.value(field);
		if (actual == null) {
			return false;
		}
		String wanted = value.strip();
		return switch (op) {
			case EQ -> same(actual, wanted);
			case NE -> !same(actual, wanted);
			case IN -> Arrays.stream(wanted.split(",")).anyMatch(v -> same(actual, v.strip()));
			case GTE, LTE, GT, LT -> ordered(actual, wanted);
		};
	}

	private boolean ordered(Object actual, String wanted) {
		Double mine = actual instanceof Double d ? d : number(actual.toString());
		Double other = number(wanted);
		if (mine == null || other == null) {
			return false;
		}
		int c = Double.compare(mine, other);
		return switch (op) {
			case GTE -> c >= 0;
			case LTE -> c <= 0;
			case GT -> c > 0;
			default -> c < 0;
		};
	}

	private static boolean same(Object actual, String wanted) {
		if (actual instanceof Double number) {
			Double other = number(wanted);
			return other != null && number.doubleValue() == other;
		}
		return actual.toString().equalsIgnoreCase(wanted);
	}

	private static Double number(String text) {
		try {
			return Double.valueOf(text.strip().replace(",", "").replace("_", ""));
		}
		catch (NumberFormatException notANumber) {
			return null;
		}
	}

	static boolean all(List<Rule> rules, Facts facts) {
		return rules.stream().allMatch(r -> r.holds(facts));
	}

	/** Refuses a rule that could never be read sensibly, saying which part. */
	Rule validated() {
		if (!Facts.known(field == null ? null : field.strip())) {
			throw new InvalidRequest("health.rule.invalid.field", String.valueOf(field), String.join(", ", Facts.FIELDS));
		}
		if (op == null) {
			throw new InvalidRequest("health.rule.invalid.op", field);
		}
		if (value == null || value.isBlank() || value.length() > 500) {
			throw new InvalidRequest("health.rule.invalid.value", field);
		}
		if (op != Op.EQ && op != Op.NE && op != Op.IN && number(value) == null) {
			throw new InvalidRequest("health.rule.invalid.number", field, value);
		}
		return new Rule(field.strip(), op, value.strip());
	}
}
