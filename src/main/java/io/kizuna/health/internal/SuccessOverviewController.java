package io.kizuna.health.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.kizuna.accounts.AccountId;
import io.kizuna.accounts.AccountRecords;
import io.kizuna.health.HealthBand;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The CS overview (the "Customer success" area): how the accounts spread over the health bands, in total
 * and per segment with its coverage model, and which accounts moved to at risk within the last 7 days.
 */
@Controller
class SuccessOverviewController {

	/** One bar of the distribution: a segment (null for accounts in none) and its counts by band. */
	record Row(Segment segment, int good, int neutral, int atRisk, int unscored) {

		public int total() {
			return good + neutral + atRisk + unscored;
		}

		public double percent(int count) {
			return total() == 0 ? 0 : Math.round(1000.0 * count / total()) / 10.0;
		}
	}

	/** An account that moved to at risk, by name. */
	record MovedAccount(AccountId id, String name, int score, HealthBand before, int scoreBefore) {
	}

	private final HealthEngine engine;

	private final SegmentBook segments;

	private final HealthRecords records;

	private final AccountRecords accounts;

	SuccessOverviewController(HealthEngine engine, SegmentBook segments, HealthRecords records,
			AccountRecords accounts) {
		this.engine = engine;
		this.segments = segments;
		this.records = records;
		this.accounts = accounts;
	}

	@GetMapping("/success")
	@PreAuthorize("hasRole('CSM')")
	String overview(Model model) {
		Map<String, int[]> distribution = engine.distribution();
		List<Row> rows = new ArrayList<>();
		int[] total = new int[4];
		for (Segment segment : segments.segments()) {
			rows.add(row(segment, distribution.getOrDefault(segment.key(), new int[4])));
		}
		if (distribution.containsKey("")) {
			rows.add(row(null, distribution.get("")));
		}
		distribution.values().forEach(c -> {
			for (int i = 0; i < 4; i++) {
				total[i] += c[i];
			}
		});
		Map<Segment.Coverage, Integer> coverage = new java.util.EnumMap<>(Segment.Coverage.class);
		rows.stream().filter(r -> r.segment() != null).forEach(r -> coverage.merge(r.segment().coverage(), r.total(), Integer::sum));
		List<HealthRecords.Moved> moved = records
			.movedInto(HealthBand.AT_RISK, java.time.Instant.now().minus(java.time.Duration.ofDays(7)))
			.stream()
			.filter(m -> engine.bandOf(m.account()) == HealthBand.AT_RISK)
			.sorted(java.util.Comparator.comparing(HealthRecords.Moved::at).reversed())
			.limit(100)
			.toList();
		Map<UUID, String> names = new HashMap<>();
		accounts.profiles(moved.stream().map(m -> new AccountId(m.account())).toList())
			.forEach(p -> names.put(p.id().value(), p.name()));
		model.addAttribute("total", row(null, total));
		model.addAttribute("rows", rows);
		model.addAttribute("coverage", coverage);
		model.addAttribute("moved", moved.stream()
			.filter(m -> names.containsKey(m.account()))
			.map(m -> new MovedAccount(new AccountId(m.account()), names.get(m.account()), m.scoreAfter(), m.before(),
					m.scoreBefore()))
			.toList());
		model.addAttribute("ready", engine.ready());
		return "health/overview";
	}

	private static Row row(Segment segment, int[] counts) {
		return new Row(segment, counts[HealthBand.GOOD.ordinal()], counts[HealthBand.NEUTRAL.ordinal()],
				counts[HealthBand.AT_RISK.ordinal()], counts[3]);
	}
}
