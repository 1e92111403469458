package io.kizuna.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import io.kizuna.accounts.LifecycleStage;
import io.kizuna.accounts.SizeBand;

import org.junit.jupiter.api.Test;

class SizeBandsTests {

	private final SizeBands bands = new SizeBands(100, 1000);

	@Test
	void bandsStartAtTheirThresholds() {
		assertThat(bands.of(null)).isEqualTo(SizeBand.UNKNOWN);
		assertThat(bands.of(0)).isEqualTo(SizeBand.SMB);
		assertThat(bands.of(99)).isEqualTo(SizeBand.SMB);
		assertThat(bands.of(100)).isEqualTo(SizeBand.MID_MARKET);
		assertThat(bands.of(999)).isEqualTo(SizeBand.MID_MARKET);
		assertThat(bands.of(1000)).isEqualTo(SizeBand.ENTERPRISE);
	}

	@Test
	void thresholdsAreConfigurableButMustIncrease() {
		assertThat(new SizeBands(50, 500).of(60)).isEqualTo(SizeBand.MID_MARKET);
		assertThatIllegalArgumentException().isThrownBy(() -> new SizeBands(1000, 100));
	}

	@Test
	void domainsAreComparedWithoutSchemeCaseOrWww() {
		AccountDetails typed = new AccountDetails(" Acme ", List.of("https://www.Acme.co.jp/", "acme.co.jp", "ACME.com"),
				" ", null, "", null, LifecycleStage.ONBOARDING, null, null, "", null);

		AccountDetails clean = AccountCatalog.normalize(typed);

		assertThat(clean.name()).isEqualTo("Acme");
		assertThat(clean.domains()).containsExactly("acme.co.jp", "acme.com");
		assertThat(clean.industry()).isNull();
		assertThat(clean.country()).isNull();
		assertThat(clean.salesforceId()).isNull();
	}

	@Test
	void domainRulesAcceptRealDomainsOnly() {
		assertThat(AccountRules.validDomains(AccountRules.splitDomains("example.co.jp, https://www.example.com/"))).isTrue();
		assertThat(AccountRules.validDomains(List.of("not a domain"))).isFalse();
		assertThat(AccountRules.validDomains(List.of("localhost"))).isFalse();
	}
}
