package io.kizuna.health.internal;

/**
 * One line of a scorecard: a metric, its weight among the others, and its scoring rule, a straight line
 * from the value worth 0 points to the value worth 100 (either way round: for "days since last seen" the
 * worse value is the larger one), flat beyond both ends.
 */
record Measure(Metric metric, int weight, double worst, double best) {

	static Measure standard(Metric metric, int weight) {
		return new Measure(metric, weight, metric.defaultWorst(), metric.defaultBest());
	}

	int points(double value) {
		double share = (value - worst) / (best - worst);
		return (int) Math.round(100 * Math.max(0, Math.min(1, share)));
	}
}
