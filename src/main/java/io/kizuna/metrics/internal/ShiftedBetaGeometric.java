package io.kizuna.metrics.internal;

/**
 * Fader and Hardie's shifted-beta-geometric model of contract renewals: every customer has its own
 * constant chance θ of leaving at each renewal, and θ varies across customers as Beta(α, β). The
 * mix is what makes retention rise with tenure (the ones likely to leave leave first), which a
 * single churn rate cannot show.
 *
 * <p>Periods are renewal periods: {@code survival(t)} is the share still a customer after t of them.
 */
record ShiftedBetaGeometric(double alpha, double beta) {

	ShiftedBetaGeometric {
		if (!(alpha > 0) || !(beta > 0) || Double.isInfinite(alpha) || Double.isInfinite(beta)) {
			throw new IllegalArgumentException("alpha and beta must be positive and finite");
		}
	}

	/** P(T = t): the chance that a new customer leaves at the end of period t (t ≥ 1). */
	double churnProbability(int t) {
		double p = alpha / (alpha + beta);
		for (int i = 2; i <= t; i++) {
			p *= (beta + i - 2) / (alpha + beta + i - 1);
		}
		return p;
	}

	/** S(t): the share of a cohort still a customer after t periods; S(0) = 1. */
	double survival(int t) {
		double s = 1;
		for (int i = 1; i <= t; i++) {
			s *= retention(i);
		}
		return s;
	}

	/** r(t) = S(t) / S(t−1): of those who were customers in period t−1, the share that renewed for period t. */
	double retention(int t) {
		return (beta + t - 1) / (alpha + beta + t - 1);
	}

	/**
	 * The log-likelihood of survival counts {@code alive[0..T]}: those lost in each period left then,
	 * and those still alive after T periods are right-censored.
	 */
	double logLikelihood(double[] alive) {
		double ll = 0;
		double p = alpha / (alpha + beta);
		for (int t = 1; t < alive.length; t++) {
			if (t > 1) {
				p *= (beta + t - 2) / (alpha + beta + t - 1);
			}
			double lost = alive[t - 1] - alive[t];
			if (lost > 0) {
				ll += lost * Math.log(p);
			}
		}
		double censored = alive[alive.length - 1];
		return censored > 0 ? ll + censored * Math.log(survival(alive.length - 1)) : ll;
	}

	/**
	 * Discounted expected residual lifetime of a customer who has made {@code renewals} renewals (n − 1
	 * in Fader and Hardie 2010): Σ_{t ≥ n} S(t)/S(n−1) / (1+d)^(t−n), the closed form being
	 * (β+n−1)/(α+β+n−1) · ₂F₁(1, β+n; α+β+n; 1/(1+d)). Summed term by term; the terms shrink at least
	 * as fast as 1/(1+d), so the sum is exact to double precision well before the loop ends.
	 */
	double derl(double discountRate, int renewals) {
		if (!(discountRate > 0)) {
			throw new IllegalArgumentException("discount rate must be positive");
		}
		int n = renewals + 1;
		double term = retention(n);
		double sum = term;
		double shrink = 1 / (1 + discountRate);
		for (int k = 1; k < 10_000_000; k++) {
			term *= retention(n + k) * shrink;
			sum += term;
			if (term < sum * 1e-17) {
				break;
			}
		}
		return sum;
	}
}
