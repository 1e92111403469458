package io.kizuna.health;

import java.util.List;

/**
 * The band changes of one recompute, published together: a changed scorecard can move thousands of
 * accounts at once, and listeners write them in one batch rather than one transaction each.
 */
public record HealthBandChanges(List<HealthBandChanged> changes) {
}
