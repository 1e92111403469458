package io.kizuna.health.internal;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Changes to how health is judged (scorecards, segments, lifecycle rules), each followed by a recompute of
 * every account in the background, whose progress the admin page shows. Changes made while one runs are
 * picked up by one more run, not by one run each.
 */
@Service
class HealthAdmin {

	private final Scorecards scorecards;

	private final SegmentBook segments;

	private final HealthEngine engine;

	private final AtomicBoolean running = new AtomicBoolean();

	private final AtomicBoolean again = new AtomicBoolean();

	HealthAdmin(Scorecards scorecards, SegmentBook segments, HealthEngine engine) {
		this.scorecards = scorecards;
		this.segments = segments;
		this.engine = engine;
	}

	Scorecard save(Scorecard card) {
		Scorecard saved = scorecards.save(card);
		recomputeSoon();
		return saved;
	}

	void deleteScorecard(UUID id) {
		scorecards.delete(id);
		recomputeSoon();
	}

	Segment save(Segment segment, boolean create) {
		Segment saved = segments.save(segment, create);
		recomputeSoon();
		return saved;
	}

	void deleteSegment(String key) {
		segments.deleteSegment(key);
		recomputeSoon();
	}

	List<LifecycleRule> replaceLifecycle(List<LifecycleRule> rules) {
		List<LifecycleRule> saved = segments.replaceLifecycle(rules);
		recomputeSoon();
		return saved;
	}

	/** Starts a full recompute in the background, or asks the running one to go once more. */
	void recomputeSoon() {
		again.set(true);
		if (!engine.ready() || !running.compareAndSet(false, true)) {
			// Not started yet (the start-up run will read the new settings) or already running.
			return;
		}
		Thread.ofVirtual().name("health-recompute").start(() -> {
			try {
				while (again.getAndSet(false)) {
					engine.recomputeAll();
				}
			}
			catch (RuntimeException failed) {
				LoggerFactory.getLogger(HealthAdmin.class).error("health: recompute failed", failed);
			}
			finally {
				running.set(false);
				if (again.get()) {
					recomputeSoon();
				}
			}
		});
	}

	HealthEngine.Progress progress() {
		return engine.progress();
	}
}
