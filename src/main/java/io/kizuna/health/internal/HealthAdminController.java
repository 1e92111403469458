package io.kizuna.health.internal;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.kizuna.shared.KizunaException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's health settings: scorecards (edited as a table of measures, backtested as they stand in the
 * form before saving), segments with their coverage model, lifecycle rules, the YAML file of all three,
 * and the progress of the recompute that follows every change.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class HealthAdminController {

	private final Scorecards scorecards;

	private final SegmentBook segments;

	private final HealthAdmin admin;

	private final HealthYaml yaml;

	private final Backtest backtest;

	private final HealthEngine engine;

	HealthAdminController(Scorecards scorecards, SegmentBook segments, HealthAdmin admin, HealthYaml yaml,
			Backtest backtest, HealthEngine engine) {
		this.scorecards = scorecards;
		this.segments = segments;
		this.admin = admin;
		this.yaml = yaml;
		this.backtest = backtest;
		this.engine = engine;
	}

	@GetMapping("/admin/health")
	String settings(Model model) {
		model.addAttribute("scorecards", scorecards.all());
		model.addAttribute("segments", segments.segments());
		model.addAttribute("members", engine.segmentSizes());
		if (!model.containsAttribute("lifecycleText")) {
			model.addAttribute("lifecycleText", RuleText.lifecycleText(segments.lifecycle()));
		}
		model.addAttribute("progress", admin.progress());
		return "health/settings";
	}

	@GetMapping("/admin/health/progress")
	String progress(Model model) {
		model.addAttribute("progress", admin.progress());
		return "health/settings :: progress";
	}

	@PostMapping("/admin/health/recompute")
	String recompute(RedirectAttributes redirect) {
		admin.recomputeSoon();
		redirect.addFlashAttribute("notice", "health.notice.recomputing");
		return "redirect:/admin/health";
	}

	@PostMapping("/admin/health/lifecycle")
	String lifecycle(@RequestParam(defaultValue = "") String rules, Model model, RedirectAttributes redirect) {
		try {
			admin.replaceLifecycle(RuleText.lifecycle(rules));
		}
		catch (KizunaException refused) {
			model.addAttribute("lifecycleError", refused);
			model.addAttribute("lifecycleText", rules);
			return settings(model);
		}
		redirect.addFlashAttribute("notice", "health.notice.lifecycleSaved");
		return "redirect:/admin/health";
	}

	@GetMapping("/admin/health/export")
	ResponseEntity<byte[]> export() {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("kizuna-health.yaml").build().toString())
			.contentType(new MediaType("application", "yaml", StandardCharsets.UTF_8))
			.body(yaml.export().getBytes(StandardCharsets.UTF_8));
	}

	@PostMapping("/admin/health/import")
	String importFile(@RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect)
			throws java.io.IOException {
		try {
			if (file == null || file.isEmpty()) {
				throw new io.kizuna.shared.InvalidRequest("health.yaml.noFile");
			}
			int[] counts = yaml.importDocument(new String(file.getBytes(), StandardCharsets.UTF_8));
			redirect.addFlashAttribute("notice", "health.notice.imported");
			redirect.addFlashAttribute("noticeArgs", new Object[] { counts[0], counts[1], counts[2] });
		}
		catch (KizunaException refused) {
			model.addAttribute("importError", refused);
			return settings(model);
		}
		return "redirect:/admin/health";
	}

	@GetMapping("/admin/health/scorecards/new")
	String newScorecard(Model model) {
		Scorecard standard = Scorecard.standard();
		ScorecardForm form = ScorecardForm.of(new Scorecard(null, "", null, 10, standard.measures(), standard.good(),
				standard.neutral(), 0), defaultAsOf(90));
		return scorecardPage(form, model);
	}

	@GetMapping("/admin/health/scorecards/{id}")
	String scorecard(@PathVariable UUID id, Model model) {
		return scorecardPage(ScorecardForm.of(scorecards.require(id), defaultAsOf(90)), model);
	}

	/**
	 * Saves the card, or (action "backtest") replays it against the past as the form has it, beside the
	 * saved version, so an admin sees the effect of a change before making it.
	 */
	@PostMapping("/admin/health/scorecards")
	String saveScorecard(@ModelAttribute("form") ScorecardForm form, @RequestParam(defaultValue = "save") String action,
			Model model, RedirectAttributes redirect) {
		try {
			Scorecard card = form.card().validated();
			if ("backtest".equals(action)) {
				model.addAttribute("result", backtest.run(card, form.getAsOf(), form.getHorizonDays()));
				if (card.id() != null) {
					model.addAttribute("savedResult",
							backtest.run(scorecards.require(card.id()), form.getAsOf(), form.getHorizonDays()));
				}
				return scorecardPage(form, model);
			}
			admin.save(card);
		}
		catch (KizunaException refused) {
			model.addAttribute("formError", refused);
			return scorecardPage(form, model);
		}
		redirect.addFlashAttribute("notice", "health.notice.scorecardSaved");
		return "redirect:/admin/health";
	}

	@PostMapping("/admin/health/scorecards/{id}/delete")
	String deleteScorecard(@PathVariable UUID id, RedirectAttributes redirect) {
		admin.deleteScorecard(id);
		redirect.addFlashAttribute("notice", "health.notice.scorecardDeleted");
		return "redirect:/admin/health";
	}

	private String scorecardPage(ScorecardForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("segments", segments.segments());
		model.addAttribute("span", engine.historySpan());
		return "health/scorecard";
	}

	private java.time.LocalDate defaultAsOf(int horizon) {
		return engine.today().minusDays(horizon);
	}

	@GetMapping("/admin/health/segments/new")
	String newSegment(Model model) {
		model.addAttribute("segment", new Segment("", "", Segment.Coverage.LOW_TOUCH, 100, java.util.List.of(), 0));
		model.addAttribute("rulesText", "");
		model.addAttribute("creating", true);
		return segmentPage(model);
	}

	@GetMapping("/admin/health/segments/{key}")
	String segment(@PathVariable String key, Model model) {
		Segment segment = segments.segment(key)
			.orElseThrow(() -> new io.kizuna.shared.NotFoundException("health.segment.notFound", key));
		model.addAttribute("segment", segment);
		model.addAttribute("rulesText", RuleText.text(segment.rules()));
		model.addAttribute("creating", false);
		return segmentPage(model);
	}

	@PostMapping("/admin/health/segments")
	String saveSegment(@RequestParam String key, @RequestParam String name, @RequestParam Segment.Coverage coverage,
			@RequestParam(defaultValue = "100") int priority, @RequestParam(defaultValue = "") String rules,
			@RequestParam(defaultValue = "0") int version, @RequestParam(defaultValue = "false") boolean creating,
			Model model, RedirectAttributes redirect) {
		Segment segment = new Segment(key.strip(), name, coverage, priority, java.util.List.of(), version);
		try {
			admin.save(new Segment(segment.key(), name, coverage, priority, RuleText.rules(rules), version), creating);
		}
		catch (KizunaException refused) {
			model.addAttribute("segment", segment);
			model.addAttribute("rulesText", rules);
			model.addAttribute("creating", creating);
			model.addAttribute("formError", refused);
			return segmentPage(model);
		}
		redirect.addFlashAttribute("notice", "health.notice.segmentSaved");
		return "redirect:/admin/health";
	}

	@PostMapping("/admin/health/segments/{key}/delete")
	String deleteSegment(@PathVariable String key, RedirectAttributes redirect) {
		admin.deleteSegment(key);
		redirect.addFlashAttribute("notice", "health.notice.segmentDeleted");
		return "redirect:/admin/health";
	}

	private String segmentPage(Model model) {
		model.addAttribute("coverages", Segment.Coverage.values());
		model.addAttribute("fields", Facts.FIELDS);
		model.addAttribute("ops", Rule.Op.values());
		return "health/segment";
	}
}
