package io.kizuna.health.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.kizuna.accounts.LifecycleStage;
import io.kizuna.shared.InvalidRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * How health is judged, through the REST API: scorecards, segments, lifecycle rules, the YAML file of all
 * three, a backtest of any card, and the recompute. Reading is for CS managers; changing is for admins.
 */
@RestController
@RequestMapping("/api/v1/health")
@Tag(name = "Health settings", description = "Scorecards, segments, lifecycle rules, backtests and recomputes")
class HealthSettingsApi {

	/** A scorecard as the API shows and takes it. */
	record Card(UUID id, String name, String segment, Integer priority, Integer good, Integer neutral,
			List<Measure> measures, Integer version) {

		static Card of(Scorecard c) {
			return new Card(c.id(), c.name(), c.segment(), c.priority(), c.good(), c.neutral(), c.measures(), c.version());
		}

		Scorecard scorecard(UUID withId) {
			return new Scorecard(withId, name, segment, priority == null ? 100 : priority, measures,
					good == null ? 0 : good, neutral == null ? 0 : neutral, version == null ? 0 : version);
		}
	}

	record SegmentBody(String key, String name, Segment.Coverage coverage, Integer priority, List<Rule> rules,
			Integer version) {

		static SegmentBody of(Segment s) {
			return new SegmentBody(s.key(), s.name(), s.coverage(), s.priority(), s.rules(), s.version());
		}

		Segment segment(String withKey) {
			return new Segment(withKey, name, coverage, priority == null ? 100 : priority, rules,
					version == null ? 0 : version);
		}
	}

	record LifecycleBody(LifecycleStage from, LifecycleStage to, List<Rule> when) {
	}

	record BacktestRequest(UUID scorecardId, Card scorecard, LocalDate asOf, Integer horizonDays) {
	}

	private final Scorecards scorecards;

	private final SegmentBook segments;

	private final HealthAdmin admin;

	private final HealthYaml yaml;

	private final Backtest backtest;

	HealthSettingsApi(Scorecards scorecards, SegmentBook segments, HealthAdmin admin, HealthYaml yaml,
			Backtest backtest) {
		this.scorecards = scorecards;
		this.segments = segments;
		this.admin = admin;
		this.yaml = yaml;
		this.backtest = backtest;
	}

	@GetMapping("/scorecards")
	@PreAuthorize("hasRole('CS_MANAGER')")
	@Operation(summary = "The scorecards: segment cards by priority, then the default")
	List<Card> scorecards() {
		return scorecards.all().stream().map(Card::of).toList();
	}

	@PostMapping("/scorecards")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Create a scorecard; every score is recomputed in the background")
	ResponseEntity<Card> create(@RequestBody Card card) {
		return ResponseEntity.status(HttpStatus.CREATED).body(Card.of(admin.save(card.scorecard(null))));
	}

	@PutMapping("/scorecards/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Change a scorecard (send the version you read); every score is recomputed in the background")
	Card update(@PathVariable UUID id, @RequestBody Card card) {
		scorecards.require(id);
		return Card.of(admin.save(card.scorecard(id)));
	}

	@DeleteMapping("/scorecards/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Delete a scorecard (the last default one stays)")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		admin.deleteScorecard(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/segments")
	@PreAuthorize("hasRole('CS_MANAGER')")
	@Operation(summary = "The segments by priority, each with its coverage model and rules")
	List<SegmentBody> segments() {
		return segments.segments().stream().map(SegmentBody::of).toList();
	}

	@PostMapping("/segments")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Create a segment")
	ResponseEntity<SegmentBody> createSegment(@RequestBody SegmentBody body) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(SegmentBody.of(admin.save(body.segment(body.key()), true)));
	}

	@PutMapping("/segments/{key}")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Change a segment (send the version you read)")
	SegmentBody updateSegment(@PathVariable String key, @RequestBody SegmentBody body) {
		return SegmentBody.of(admin.save(body.segment(key), false));
	}

	@DeleteMapping("/segments/{key}")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Delete a segment")
	ResponseEntity<Void> deleteSegment(@PathVariable String key) {
		admin.deleteSegment(key);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/lifecycle-rules")
	@PreAuthorize("hasRole('CS_MANAGER')")
	@Operation(summary = "The rules that move an account's lifecycle stage, in the order they are tried")
	List<LifecycleBody> lifecycle() {
		return segments.lifecycle().stream().map(r -> new LifecycleBody(r.from(), r.to(), r.when())).toList();
	}

	@PutMapping("/lifecycle-rules")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Replace the lifecycle rules; rules that would move accounts round in a circle are refused")
	List<LifecycleBody> replaceLifecycle(@RequestBody List<LifecycleBody> rules) {
		admin.replaceLifecycle(rules.stream().map(r -> new LifecycleRule(null, r.from(), r.to(), r.when())).toList());
		return lifecycle();
	}

	@GetMapping(value = "/configuration", produces = { "application/yaml", "text/yaml", "text/plain" })
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Scorecards, segments and lifecycle rules as one YAML document")
	String export() {
		return yaml.export();
	}

	@PutMapping("/configuration")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Replace scorecards, segments and lifecycle rules with a YAML document (sent as "
			+ "application/yaml or text/plain), all or nothing")
	Map<String, Integer> importDocument(@RequestBody String document) {
		int[] counts = yaml.importDocument(document);
		return Map.of("scorecards", counts[0], "segments", counts[1], "lifecycleRules", counts[2]);
	}

	@PostMapping("/backtest")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "How well a scorecard (saved, by id, or as sent) separated the accounts that churned or "
			+ "shrank within horizonDays after asOf from those that stayed: ROC AUC, per measure, and lift tables")
	Backtest.Result backtest(@RequestBody BacktestRequest request) {
		Scorecard card;
		if (request.scorecard() != null) {
			card = request.scorecard().scorecard(null).validated();
		}
		else if (request.scorecardId() != null) {
			card = scorecards.require(request.scorecardId());
		}
		else {
			throw new InvalidRequest("health.backtest.invalid.card");
		}
		return backtest.run(card, request.asOf(), request.horizonDays() == null ? 90 : request.horizonDays());
	}

	@PostMapping("/recompute")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Recompute every account's score now, in the background; GET shows the progress")
	ResponseEntity<HealthEngine.Progress> recompute() {
		admin.recomputeSoon();
		return ResponseEntity.accepted().body(admin.progress());
	}

	@GetMapping("/recompute")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "The progress of the running recompute, or the figures of the last one")
	HealthEngine.Progress progress() {
		return admin.progress();
	}
}
