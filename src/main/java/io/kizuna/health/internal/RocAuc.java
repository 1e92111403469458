package io.kizuna.health.internal;

import java.util.Arrays;

/**
 * The area under the ROC curve of a score that should be lower for the accounts that went badly: the
 * chance that a random account that went well scored higher than a random one that went badly, ties
 * counting half (the Mann–Whitney U statistic over both group sizes). 0.5 is a coin toss, 1 is perfect.
 */
final class RocAuc {

	private RocAuc() {
	}

	/** Null when either group is empty: nothing to separate. */
	static Double of(double[] wentWell, double[] wentBadly) {
		int good = wentWell.length;
		int bad = wentBadly.length;
		if (good == 0 || bad == 0) {
			return null;
		}
		double[][] all = new double[good + bad][];
		for (int i = 0; i < good; i++) {
			all[i] = new double[] { wentWell[i], 1 };
		}
		for (int i = 0; i < bad; i++) {
			all[good + i] = new double[] { wentBadly[i], 0 };
		}
		Arrays.sort(all, (a, b) -> Double.compare(a[0], b[0]));
		double rankSumGood = 0;
		int i = 0;
		while (i < all.length) {
			int j = i;
			while (j + 1 < all.length && all[j + 1][0] == all[i][0]) {
				j++;
			}
			// Tied values share the average of the ranks they span (ranks count from 1).
			double rank = (i + j + 2) / 2.0;
			for (int k = i; k <= j; k++) {
				rankSumGood += all[k][1] * rank;
			}
			i = j + 1;
		}
		return (rankSumGood - good * (good + 1) / 2.0) / ((double) good * bad);
	}
}
