package io.kizuna.accounts.internal;

import io.kizuna.accounts.SizeBand;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where mid-market and enterprise begin ({@code kizuna.accounts.size-bands.*}). The defaults follow
 * the common SaaS split: under 100 employees SMB, under 1,000 mid-market, enterprise above.
 */
@ConfigurationProperties("kizuna.accounts.size-bands")
record SizeBands(@DefaultValue("100") int midMarket, @DefaultValue("1000") int enterprise) {

	SizeBands {
		if (midMarket <= 0 || enterprise <= midMarket) {
			throw new IllegalArgumentException("Size bands need 0 < mid-market < enterprise, got " + midMarket + " and "
					+ enterprise);
		}
	}

	SizeBand of(Integer employees) {
		if (employees == null) {
			return SizeBand.UNKNOWN;
		}
		if (employees >= enterprise) {
			return SizeBand.ENTERPRISE;
		}
		return employees >= midMarket ? SizeBand.MID_MARKET : SizeBand.SMB;
	}

	/** The employee-count range [from, to) of a band, for filtering in SQL; null ends are open. */
	Integer[] range(SizeBand band) {
		return switch (band) {
			case SMB -> new Integer[] { 0, midMarket };
			case MID_MARKET -> new Integer[] { midMarket, enterprise };
			case ENTERPRISE -> new Integer[] { enterprise, null };
			case UNKNOWN -> new Integer[] { null, null };
		};
	}
}
