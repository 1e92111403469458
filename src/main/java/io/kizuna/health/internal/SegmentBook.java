package io.kizuna.health.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.kizuna.accounts.LifecycleStage;
import io.kizuna.shared.CommittedValue;
import io.kizuna.shared.ConflictException;
import io.kizuna.shared.InvalidRequest;
import io.kizuna.shared.NotFoundException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Segments and lifecycle rules, kept in memory as well because every score refresh reads them. */
@Repository
@Transactional
class SegmentBook {

	private static final TypeReference<List<Rule>> RULES = new TypeReference<>() {
	};

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	private final Clock clock;

	private final CommittedValue<List<Segment>> segments = new CommittedValue<>();

	private final CommittedValue<List<LifecycleRule>> lifecycle = new CommittedValue<>();

	SegmentBook(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/** In priority order: the first an account meets is its segment. */
	@Transactional(readOnly = true)
	List<Segment> segments() {
		return segments.get(() -> jdbc.query("select segment_key, name, coverage, priority, rules, version from health_segment",
					(rs, n) -> new Segment(rs.getString(1), rs.getString(2), Segment.Coverage.valueOf(rs.getString(3)),
							rs.getInt(4), json.readValue(rs.getString(5), RULES), rs.getInt(6)))
				.stream()
				.sorted(Comparator.comparingInt(Segment::priority).thenComparing(Segment::key))
				.toList());
	}

	Optional<Segment> segment(String key) {
		return segments().stream().filter(s -> s.key().equals(key)).findFirst();
	}

	Segment segmentOf(Facts facts) {
		return segmentOf(segments(), facts);
	}

	/** The same against segments read once (the engine asks for every account it scores). */
	static Segment segmentOf(List<Segment> segments, Facts facts) {
		for (Segment segment : segments) {
			if (segment.contains(facts)) {
				return segment;
			}
		}
		return null;
	}

	/** Creates a segment, or replaces one whose version still matches. */
	Segment save(Segment segment, boolean create) {
		Segment valid = segment.validated();
		String rules = json.writeValueAsString(valid.rules());
		Timestamp now = Timestamp.from(clock.instant());
		// The database, not the cached list, decides: another thread may have cached it a moment ago.
		if (create) {
			try {
				jdbc.update("insert into health_segment (segment_key, name, coverage, priority, rules, updated_at, version)"
						+ " values (?, ?, ?, ?, ?, ?, 0)", valid.key(), valid.name(), valid.coverage().name(), valid.priority(),
						rules, now);
			}
			catch (org.springframework.dao.DuplicateKeyException exists) {
				throw new ConflictException("health.segment.duplicate", valid.key());
			}
			forget();
			return new Segment(valid.key(), valid.name(), valid.coverage(), valid.priority(), valid.rules(), 0);
		}
		if (jdbc.update("update health_segment set name = ?, coverage = ?, priority = ?, rules = ?, updated_at = ?,"
				+ " version = version + 1 where segment_key = ? and version = ?", valid.name(), valid.coverage().name(),
				valid.priority(), rules, now, valid.key(), valid.version()) == 0) {
			Integer exists = jdbc.queryForObject("select count(*) from health_segment where segment_key = ?", Integer.class,
					valid.key());
			if (exists == null || exists == 0) {
				throw new NotFoundException("health.segment.notFound", valid.key());
			}
			throw new ConflictException("health.segment.conflict");
		}
		forget();
		return new Segment(valid.key(), valid.name(), valid.coverage(), valid.priority(), valid.rules(),
				valid.version() + 1);
	}

	void deleteSegment(String key) {
		if (jdbc.update("delete from health_segment where segment_key = ?", key) == 0) {
			throw new NotFoundException("health.segment.notFound", key);
		}
		forget();
	}

	@Transactional(readOnly = true)
	List<LifecycleRule> lifecycle() {
		return lifecycle.get(() -> jdbc.query("select id, from_stage, to_stage, rules from lifecycle_rule order by position",
				(rs, n) -> new LifecycleRule(rs.getObject(1, UUID.class), LifecycleStage.valueOf(rs.getString(2)),
						LifecycleStage.valueOf(rs.getString(3)), json.readValue(rs.getString(4), RULES))));
	}

	/** The stage an account should move to by the rules, if any (the first rule that applies). */
	Optional<LifecycleStage> nextStage(Facts facts) {
		return nextStage(lifecycle(), facts);
	}

	static Optional<LifecycleStage> nextStage(List<LifecycleRule> rules, Facts facts) {
		return rules.stream().filter(r -> r.applies(facts)).map(LifecycleRule::to).findFirst();
	}

	/** Replaces all lifecycle rules; refused when they would move an account round in a circle. */
	List<LifecycleRule> replaceLifecycle(List<LifecycleRule> rules) {
		List<LifecycleRule> valid = rules.stream().map(LifecycleRule::validated).toList();
		refuseCycles(valid);
		jdbc.update("delete from lifecycle_rule");
		int position = 0;
		for (LifecycleRule rule : valid) {
			jdbc.update("insert into lifecycle_rule (id, from_stage, to_stage, rules, position) values (?, ?, ?, ?, ?)",
					rule.id(), rule.from().name(), rule.to().name(), json.writeValueAsString(rule.when()), position++);
		}
		forget();
		return lifecycle();
	}

	/** A → B and B → A (or any longer circle) would move an account back and forth for ever. */
	private static void refuseCycles(List<LifecycleRule> rules) {
		Map<LifecycleStage, Set<LifecycleStage>> next = new HashMap<>();
		rules.forEach(r -> next.computeIfAbsent(r.from(), k -> new HashSet<>()).add(r.to()));
		for (LifecycleStage start : next.keySet()) {
			List<LifecycleStage> todo = new ArrayList<>(next.get(start));
			Set<LifecycleStage> seen = new HashSet<>();
			while (!todo.isEmpty()) {
				LifecycleStage stage = todo.removeLast();
				if (stage == start) {
					throw new InvalidRequest("health.lifecycle.invalid.cycle", start.name());
				}
				if (seen.add(stage)) {
					todo.addAll(next.getOrDefault(stage, Set.of()));
				}
			}
		}
	}

	/** Forgets the cached segments and rules (after an import replaced them). */
	void reload() {
		forget();
	}

	private void forget() {
		segments.forget();
		lifecycle.forget();
	}
}
