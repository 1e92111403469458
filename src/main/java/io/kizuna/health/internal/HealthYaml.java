package io.kizuna.health.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.kizuna.accounts.LifecycleStage;
import io.kizuna.shared.InvalidRequest;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.JacksonException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Scorecards, segments and lifecycle rules as one YAML document, to keep in version control and move
 * between installations. An import replaces the whole configuration in one transaction, or nothing at all
 * when any part of the file is refused.
 */
@Service
class HealthYaml {

	/** The document: what it holds, in words an admin edits by hand. */
	record Document(List<Card> scorecards, List<SegmentEntry> segments, List<LifecycleEntry> lifecycle) {
	}

	record Card(String name, String segment, Integer priority, Bands bands, List<Measure> measures) {
	}

	record Bands(int good, int neutral) {
	}

	record SegmentEntry(String key, String name, Segment.Coverage coverage, Integer priority, List<Rule> rules) {
	}

	record LifecycleEntry(LifecycleStage from, LifecycleStage to, List<Rule> when) {
	}

	private final YAMLMapper yaml = YAMLMapper.builder()
		.enable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final Scorecards scorecards;

	private final SegmentBook segments;

	private final TransactionTemplate transactions;

	private final HealthAdmin admin;

	HealthYaml(Scorecards scorecards, SegmentBook segments, TransactionTemplate transactions, HealthAdmin admin) {
		this.scorecards = scorecards;
		this.segments = segments;
		this.transactions = transactions;
		this.admin = admin;
	}

	String export() {
		List<Card> cards = scorecards.all()
			.stream()
			.map(c -> new Card(c.name(), c.segment(), c.priority(), new Bands(c.good(), c.neutral()), c.measures()))
			.toList();
		List<SegmentEntry> groups = segments.segments()
			.stream()
			.map(s -> new SegmentEntry(s.key(), s.name(), s.coverage(), s.priority(), s.rules()))
			.toList();
		List<LifecycleEntry> moves = segments.lifecycle()
			.stream()
			.map(r -> new LifecycleEntry(r.from(), r.to(), r.when()))
			.toList();
		return yaml.writeValueAsString(new Document(cards, groups, moves));
	}

	/** Replaces the configuration with the file's; answers how many scorecards, segments and rules it held. */
	int[] importDocument(String text) {
		Document document;
		try {
			document = yaml.readValue(text, Document.class);
		}
		catch (JacksonException unreadable) {
			throw new InvalidRequest("health.yaml.unreadable", unreadable.getOriginalMessage());
		}
		if (document == null || document.scorecards() == null || document.scorecards().isEmpty()) {
			throw new InvalidRequest("health.yaml.noScorecards");
		}
		List<Segment> newSegments = new ArrayList<>();
		for (SegmentEntry s : nullSafe(document.segments())) {
			newSegments.add(new Segment(s.key(), s.name(), s.coverage(), s.priority() == null ? 100 : s.priority(),
					s.rules(), 0).validated());
		}
		List<Scorecard> newCards = new ArrayList<>();
		for (Card c : document.scorecards()) {
			if (c.bands() == null) {
				throw new InvalidRequest("health.scorecard.invalid.bands");
			}
			if (c.segment() != null && newSegments.stream().noneMatch(s -> s.key().equals(c.segment()))) {
				throw new InvalidRequest("health.yaml.unknownSegment", c.name(), c.segment());
			}
			newCards.add(new Scorecard(null, c.name(), c.segment(), c.priority() == null ? 100 : c.priority(),
					c.measures(), c.bands().good(), c.bands().neutral(), 0).validated());
		}
		if (newCards.stream().noneMatch(c -> c.segment() == null)) {
			throw new InvalidRequest("health.yaml.noDefault");
		}
		List<LifecycleRule> rules = nullSafe(document.lifecycle()).stream()
			.map(r -> new LifecycleRule(null, r.from(), r.to(), r.when()))
			.toList();
		transactions.executeWithoutResult(status -> {
			Map<String, Scorecard> existing = new HashMap<>();
			scorecards.all().forEach(c -> existing.put(c.name(), c));
			// Cards keep their ids by name, so history rows and current scores still name a card that exists.
			for (Scorecard card : newCards) {
				Scorecard old = existing.remove(card.name());
				scorecards.save(old == null ? card : new Scorecard(old.id(), card.name(), card.segment(), card.priority(),
						card.measures(), card.good(), card.neutral(), old.version()));
			}
			existing.values().forEach(old -> scorecards.deleteAny(old.id()));
			segments.segments().forEach(s -> segments.deleteSegment(s.key()));
			newSegments.forEach(s -> segments.save(s, true));
			segments.replaceLifecycle(rules);
		});
		scorecards.reload();
		segments.reload();
		admin.recomputeSoon();
		return new int[] { newCards.size(), newSegments.size(), rules.size() };
	}

	private static <T> List<T> nullSafe(List<T> list) {
		return list == null ? List.of() : list;
	}
}
