package io.kizuna.health.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import io.kizuna.accounts.AccountId;
import io.kizuna.accounts.AccountRecords.AccountProfile;
import io.kizuna.accounts.LifecycleStage;
import io.kizuna.accounts.SizeBand;
import io.kizuna.health.HealthBand;
import io.kizuna.shared.InvalidRequest;
import io.kizuna.shared.Money;

import org.junit.jupiter.api.Test;

class RuleTests {

	static Facts facts(SizeBand size, String plan, long mrrYen, Integer score, HealthBand band, Map<String, String> custom) {
		AccountProfile profile = new AccountProfile(AccountId.random(), "Acme", size, plan, null, LifecycleStage.ADOPTION,
				"JP", new Money(BigDecimal.valueOf(mrrYen), Currency.getInstance("JPY")), custom);
		return new Facts(profile, Signals.NONE, score, band, LocalDate.of(2026, 11, 23), ZoneId.of("Asia/Tokyo"));
	}

	@Test
	void attributesCompareAsTextIgnoringCaseAndAmountsAsNumbers() {
		Facts acme = facts(SizeBand.ENTERPRISE, "Pro", 600_000, 35, HealthBand.AT_RISK, Map.of("region", "Kansai"));
		assertThat(new Rule("size", Rule.Op.EQ, "enterprise").holds(acme)).isTrue();
		assertThat(new Rule("plan", Rule.Op.IN, "Basic, pro").holds(acme)).isTrue();
		assertThat(new Rule("plan", Rule.Op.NE, "Pro").holds(acme)).isFalse();
		assertThat(new Rule("mrr", Rule.Op.GTE, "500,000").holds(acme)).isTrue();
		assertThat(new Rule("mrr", Rule.Op.LT, "500000").holds(acme)).isFalse();
		assertThat(new Rule("band", Rule.Op.EQ, "AT_RISK").holds(acme)).isTrue();
		assertThat(new Rule("score", Rule.Op.LTE, "40").holds(acme)).isTrue();
		assertThat(new Rule("cf.region", Rule.Op.EQ, "kansai").holds(acme)).isTrue();
		assertThat(Rule.all(List.of(new Rule("size", Rule.Op.EQ, "ENTERPRISE"), new Rule("plan", Rule.Op.EQ, "Pro")), acme))
			.isTrue();
	}

	@Test
	void aMissingValueMatchesNothingNotEvenNotEqual() {
		Facts unscored = facts(SizeBand.SMB, null, 0, null, null, Map.of());
		assertThat(new Rule("score", Rule.Op.LT, "40").holds(unscored)).isFalse();
		assertThat(new Rule("plan", Rule.Op.NE, "Pro").holds(unscored)).isFalse();
		assertThat(new Rule("cf.region", Rule.Op.EQ, "Kansai").holds(unscored)).isFalse();
		// Text compared as a number does not match rather than fail.
		assertThat(new Rule("plan", Rule.Op.GT, "3").holds(facts(SizeBand.SMB, "Pro", 0, null, null, Map.of()))).isFalse();
	}

	@Test
	void rulesThatCannotBeReadAreRefusedWithTheReason() {
		assertThatThrownBy(() -> new Rule("colour", Rule.Op.EQ, "red").validated()).isInstanceOf(InvalidRequest.class)
			.hasMessage("health.rule.invalid.field");
		assertThatThrownBy(() -> new Rule("mrr", Rule.Op.GTE, "lots").validated()).hasMessage("health.rule.invalid.number");
		assertThatThrownBy(() -> new Rule("plan", Rule.Op.EQ, " ").validated()).hasMessage("health.rule.invalid.value");
		assertThat(new Rule(" cf.region ", Rule.Op.EQ, " Kansai ").validated()).isEqualTo(new Rule("cf.region", Rule.Op.EQ, "Kansai"));
	}

	@Test
	void rulesAreTypedOnePerLine() {
		assertThat(RuleText.rules("size EQ ENTERPRISE\n\n  mrr gte 500000  ")).containsExactly(
				new Rule("size", Rule.Op.EQ, "ENTERPRISE"), new Rule("mrr", Rule.Op.GTE, "500000"));
		assertThatThrownBy(() -> RuleText.rules("size EQ ENTERPRISE\nsize ENTERPRISE")).isInstanceOf(InvalidRequest.class)
			.hasMessage("health.rule.invalid.line")
			.satisfies(e -> assertThat(((InvalidRequest) e).arguments()).startsWith(2));
		assertThatThrownBy(() -> RuleText.rules("size LIKE ENT")).hasMessage("health.rule.invalid.line");
	}

	@Test
	void lifecycleRulesReadAndWriteTheSameText() {
		String text = "ONBOARDING -> ADOPTION: featuresUsed GTE 3; activeUsers GTE 5";
		List<LifecycleRule> rules = RuleText.lifecycle(text);
		assertThat(rules).hasSize(1);
		assertThat(rules.getFirst().from()).isEqualTo(LifecycleStage.ONBOARDING);
		assertThat(rules.getFirst().when()).hasSize(2);
		assertThat(RuleText.lifecycleText(rules)).isEqualTo(text);
		assertThatThrownBy(() -> RuleText.lifecycle("ONBOARDING ADOPTION")).hasMessage("health.lifecycle.invalid.line");
		assertThatThrownBy(() -> RuleText.lifecycle("ONBOARDING -> ONBOARDING: plan EQ x"))
			.hasMessage("health.lifecycle.invalid.stages");
	}
}
