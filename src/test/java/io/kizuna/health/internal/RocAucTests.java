package io.kizuna.health.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class RocAucTests {

	@Test
	void perfectSeparationIsOneAndItsReverseIsZero() {
		assertThat(RocAuc.of(new double[] { 80, 90, 70 }, new double[] { 10, 20 })).isEqualTo(1.0);
		assertThat(RocAuc.of(new double[] { 10, 20 }, new double[] { 80, 90, 70 })).isEqualTo(0.0);
	}

	@Test
	void tiesCountHalf() {
		assertThat(RocAuc.of(new double[] { 50, 50 }, new double[] { 50 })).isEqualTo(0.5);
	}

	@Test
	void aWorkedExample() {
		// Pairs (well, badly): 60>40 ✓, 60>55 ✓, 60>70 ✗, 50>40 ✓, 50>55 ✗, 50>70 ✗, 80 beats all three ✓✓✓: 6 of 9.
		assertThat(RocAuc.of(new double[] { 60, 50, 80 }, new double[] { 40, 55, 70 })).isCloseTo(6.0 / 9, within(1e-12));
	}

	@Test
	void agreesWithCountingEveryPairOnRandomData() {
		Random random = new Random(7);
		for (int round = 0; round < 50; round++) {
			double[] well = random.doubles(1 + random.nextInt(40), 0, 20).map(Math::floor).toArray();
			double[] badly = random.doubles(1 + random.nextInt(40), 0, 20).map(Math::floor).toArray();
			double wins = 0;
			for (double w : well) {
				for (double b : badly) {
					wins += w > b ? 1 : w == b ? 0.5 : 0;
				}
			}
			assertThat(RocAuc.of(well, badly)).isCloseTo(wins / (well.length * badly.length), within(1e-12));
		}
	}

	@Test
	void nothingToSeparateWhenOneGroupIsEmpty() {
		assertThat(RocAuc.of(new double[] { 1 }, new double[0])).isNull();
	}
}
