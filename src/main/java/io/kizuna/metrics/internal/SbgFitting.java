package io.kizuna.metrics.internal;

import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleValueChecker;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Maximum-likelihood fit of the sBG model to survival counts. The search runs on (ln α, ln β) so that
 * both stay positive without bounds, and restarts the simplex from its own answer until the answer
 * stops moving, because one Nelder-Mead run may stop short on the long, flat ridge of this likelihood.
 */
final class SbgFitting {

	/** The search stays within e^±20; nothing a cohort can show needs more. */
	private static final double LIMIT = 20;

	/**
	 * Past this α + β, Beta(α, β) is a spike: every customer has the same churn chance, which is what
	 * counts falling at one constant rate say. The likelihood then keeps rising towards infinite α and β
	 * and no estimate is meaningful.
	 */
	private static final double SPIKE = 1e4;

	record Fit(ShiftedBetaGeometric model, double logLikelihood) {
	}

	private SbgFitting() {
	}

	/**
	 * Fits α and β to {@code alive[0..T]}; empty when the counts do not pin them down (the likelihood keeps
	 * rising towards a boundary, as with counts that fall at one constant rate).
	 */
	static java.util.Optional<Fit> fit(double[] alive) {
		return fit(java.util.List.of(alive));
	}

	/**
	 * Fits one α and β to several cohorts at once (Fader and Hardie's multi-cohort note): the
	 * log-likelihood is the sum of each cohort's, each with as many periods as it has lived.
	 */
	static java.util.Optional<Fit> fit(java.util.List<double[]> cohorts) {
		if (cohorts.stream().noneMatch(alive -> alive.length > 1 && alive[alive.length - 1] < alive[0])) {
			return java.util.Optional.empty();
		}
		ObjectiveFunction logLikelihood = new ObjectiveFunction(point -> {
			if (Math.abs(point[0]) > LIMIT || Math.abs(point[1]) > LIMIT) {
				return Double.NEGATIVE_INFINITY;
			}
			return logLikelihood(new ShiftedBetaGeometric(Math.exp(point[0]), Math.exp(point[1])), cohorts);
		});
		SimplexOptimizer optimizer = new SimplexOptimizer(new SimpleValueChecker(1e-15, 1e-15));
		double[] start = { 0, 0 };
		double best = Double.NEGATIVE_INFINITY;
		for (int round = 0; round < 20; round++) {
			PointValuePair found;
			try {
				found = optimizer.optimize(new MaxEval(20_000), logLikelihood, GoalType.MAXIMIZE, new InitialGuess(start),
						new NelderMeadSimplex(new double[] { 0.5, 0.5 }));
			}
			catch (org.hipparchus.exception.MathIllegalStateException wandering) {
				return java.util.Optional.empty(); // no maximum within reach: the counts do not identify the model
			}
			boolean settled = found.getValue() - best < 1e-12;
			start = found.getPoint();
			best = Math.max(best, found.getValue());
			if (settled) {
				break;
			}
		}
		ShiftedBetaGeometric model = new ShiftedBetaGeometric(Math.exp(start[0]), Math.exp(start[1]));
		if (model.alpha() + model.beta() > SPIKE || Math.min(start[0], start[1]) < -LIMIT + 1) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(new Fit(model, logLikelihood(model, cohorts)));
	}

	private static double logLikelihood(ShiftedBetaGeometric model, java.util.List<double[]> cohorts) {
		double sum = 0;
		for (double[] alive : cohorts) {
			sum += model.logLikelihood(alive);
		}
		return sum;
	}
}
