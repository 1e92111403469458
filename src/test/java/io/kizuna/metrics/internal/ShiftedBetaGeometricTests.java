package io.kizuna.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The published examples of Fader and Hardie: "How to Project Customer Retention" (Journal of
 * Interactive Marketing, 2007, Table 1 data and the estimates on p. 7) and "Customer-Base Valuation in
 * a Contractual Setting" (Marketing Science, 2010, DERL in Table 3 at d = 0.10).
 */
class ShiftedBetaGeometricTests {

	/** Years 0–7 of the 2007 paper's two customer groups, the part the model is fitted on. */
	static final double[] REGULAR = { 1000, 631, 468, 382, 326, 289, 262, 241 };

	static final double[] HIGH_END = { 1000, 869, 743, 653, 593, 551, 517, 491 };

	@Test
	void fitsThePublishedEstimatesForRegularCustomers() {
		SbgFitting.Fit fit = SbgFitting.fit(REGULAR).orElseThrow();

		assertThat(fit.model().alpha()).isCloseTo(0.704, within(0.0005));
		assertThat(fit.model().beta()).isCloseTo(1.182, within(0.0005));
	}

	@Test
	void fitsThePublishedEstimatesAndLikelihoodForHighEndCustomers() {
		SbgFitting.Fit fit = SbgFitting.fit(HIGH_END).orElseThrow();

		assertThat(fit.model().alpha()).isCloseTo(0.668, within(0.0005));
		assertThat(fit.model().beta()).isCloseTo(3.806, within(0.0005));
		assertThat(fit.logLikelihood()).isCloseTo(-1611.2, within(0.05));
	}

	@Test
	void projectsTheHeldOutYearsOfTheHighEndGroupClosely() {
		// Years 8–12 were not used in the fit; the paper's point is that the model still tracks them.
		double[] heldOut = { 468, 445, 427, 409, 394 };
		ShiftedBetaGeometric model = SbgFitting.fit(HIGH_END).orElseThrow().model();

		for (int year = 8; year <= 12; year++) {
			assertThat(1000 * model.survival(year)).isCloseTo(heldOut[year - 8], withinPercentage(5));
		}
	}

	@Test
	void survivalAndRetentionFollowTheRecursion() {
		ShiftedBetaGeometric regular = new ShiftedBetaGeometric(0.704, 1.182);

		assertThat(regular.survival(0)).isEqualTo(1.0);
		assertThat(regular.survival(1)).isCloseTo(0.6267, within(0.00005));
		assertThat(regular.survival(7)).isCloseTo(0.2391, within(0.00005));
		assertThat(regular.retention(1)).isCloseTo(0.6267, within(0.00005));
		assertThat(regular.retention(12)).isCloseTo(0.9454, within(0.00005));
		assertThat(regular.churnProbability(1) + regular.survival(1)).isCloseTo(1.0, within(1e-12));
		assertThat(regular.survival(2)).isCloseTo(1 - regular.churnProbability(1) - regular.churnProbability(2),
				within(1e-12));
	}

	@ParameterizedTest(name = "case 1, {0} renewals: DERL {1}")
	@CsvSource({ "0, 3.31", "1, 3.45", "2, 3.59", "3, 3.72", "4, 3.84" })
	void discountedExpectedResidualLifetimeOfCase1(int renewals, double published) {
		assertThat(new ShiftedBetaGeometric(3.80, 15.20).derl(0.10, renewals)).isCloseTo(published, within(0.005));
	}

	@ParameterizedTest(name = "case 2, {0} renewals: DERL {1}")
	@CsvSource({ "0, 7.68", "1, 9.46", "2, 9.86", "3, 10.06", "4, 10.19" })
	void discountedExpectedResidualLifetimeOfCase2(int renewals, double published) {
		// The paper prints α = 0.067 and β = 0.267, rounded from 1/15 and 4/15 (its Table 3 needs the exact values).
		assertThat(new ShiftedBetaGeometric(1 / 15.0, 4 / 15.0).derl(0.10, renewals)).isCloseTo(published,
				within(0.005));
	}

	@Test
	void aConstantRateOfLossDoesNotIdentifyTheMix() {
		assertThat(SbgFitting.fit(new double[] { 1000, 500, 250, 125, 62.5 })).isEmpty();
	}

	@Test
	void withoutAMixToFitOneChurnRateForAllIsTheFallback() {
		// 100 lost of 1000 + 900 + 810 customer-periods at risk, 81 of them in the last period: θ = 271 / 2710.
		MetricsReport.Retention constant = MetricsReport.Retention.constant(
				java.util.List.of(new double[] { 1000, 900, 810, 729 }));

		assertThat(constant.constantChurn()).isCloseTo(0.1, within(1e-12));
		// Σ 0.9^t / 1.1^t = 1.1 / 0.2
		assertThat(constant.discountedLifetime(0.10)).isCloseTo(5.5, within(1e-12));
	}

	@Test
	void theDiscountedLifetimeOfANewCustomerCountsItsFirstPeriod() {
		ShiftedBetaGeometric highEnd = new ShiftedBetaGeometric(0.668, 3.806);
		double direct = 0;
		for (int t = 0; t < 2000; t++) {
			direct += highEnd.survival(t) / Math.pow(1.1, t);
		}
		MetricsReport.Retention fitted = new MetricsReport.Retention(highEnd, 0, Double.NaN);

		assertThat(fitted.discountedLifetime(0.10)).isCloseTo(direct, within(1e-9));
		assertThat(fitted.discountedLifetime(0.10)).isCloseTo(5.92, within(0.005));
	}
}
