package io.kizuna.metrics.internal;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The choices a finance team makes when it defines its numbers ({@code kizuna.metrics.*}).
 *
 * @param churnAt when a cancelled subscription stops counting: on its cancellation date, or at the end of
 *     the period the customer already paid for
 * @param reactivationWindowMonths a customer returning within this many months of churning is a
 *     reactivation, later than that new business again; 0 means always a reactivation
 * @param grossMargin the share of revenue left after the cost of serving it, for LTV
 * @param churnWindowMonths the trailing months whose logo churn is averaged for the simple LTV
 * @param retentionWindowMonths the window of GRR and NRR (12 for the usual trailing-twelve-months figures)
 * @param historyMonths how many months the dashboard shows when no period is chosen
 * @param annualDiscountRate the discount rate of the model-based LTV, per year
 */
@ConfigurationProperties("kizuna.metrics")
record MetricsSettings(@DefaultValue("CANCELLATION") ChurnAt churnAt, @DefaultValue("0") int reactivationWindowMonths,
		@DefaultValue("0.80") BigDecimal grossMargin, @DefaultValue("12") int churnWindowMonths,
		@DefaultValue("12") int retentionWindowMonths, @DefaultValue("36") int historyMonths,
		@DefaultValue("0.10") double annualDiscountRate) {

	enum ChurnAt {
		CANCELLATION, PERIOD_END
	}

	static MetricsSettings defaults() {
		return new MetricsSettings(ChurnAt.CANCELLATION, 0, new BigDecimal("0.80"), 12, 12, 36, 0.10);
	}

	MetricsSettings {
		if (grossMargin.signum() < 0 || grossMargin.compareTo(BigDecimal.ONE) > 0) {
			throw new IllegalArgumentException("kizuna.metrics.gross-margin must lie between 0 and 1");
		}
		if (retentionWindowMonths < 1 || churnWindowMonths < 1 || historyMonths < 1) {
			throw new IllegalArgumentException("kizuna.metrics windows must be at least one month");
		}
	}

	/** The monthly rate equivalent to the yearly discount rate. */
	double monthlyDiscountRate() {
		return Math.pow(1 + annualDiscountRate, 1 / 12.0) - 1;
	}
}
