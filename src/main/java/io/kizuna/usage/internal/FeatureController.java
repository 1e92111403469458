package io.kizuna.usage.internal;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;


import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Naming the features of the customer's product: which tracked event counts as which feature (and group),
 * on an admin page that also lists the events seen lately that no feature counts yet ({@link FeaturesApi} in JSON).
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class FeatureController {

	private final Features features;

	private final Clock clock;

	FeatureController(Features features, Clock clock) {
		this.features = features;
		this.clock = clock;
	}

	public static class FeatureForm {

		@NotBlank
		@Size(max = 200)
		private String event;

		@NotBlank
		@Size(max = 100)
		private String feature;

		@Size(max = 100)
		private String group;

		public String getEvent() {
			return event;
		}

		public void setEvent(String event) {
			this.event = event;
		}

		public String getFeature() {
			return feature;
		}

		public void setFeature(String feature) {
			this.feature = feature;
		}

		public String getGroup() {
			return group;
		}

		public void setGroup(String group) {
			this.group = group;
		}

		Features.Mapping mapping() {
			return new Features.Mapping(event.strip(), feature.strip(),
					group == null || group.isBlank() ? null : group.strip());
		}
	}

	@GetMapping("/admin/features")
	String list(@RequestParam(required = false) String event, Model model) {
		if (!model.containsAttribute("featureForm")) {
			FeatureForm form = new FeatureForm();
			form.setEvent(event);
			model.addAttribute("featureForm", form);
		}
		return page(model);
	}

	@PostMapping("/admin/features")
	String map(@Valid @ModelAttribute("featureForm") FeatureForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return page(model);
		}
		features.map(form.mapping(), clock.instant());
		redirect.addFlashAttribute("notice", "usage.feature.notice.mapped");
		return "redirect:/admin/features";
	}

	@PostMapping("/admin/features/unmap")
	String unmap(@RequestParam String event, RedirectAttributes redirect) {
		features.unmap(event);
		redirect.addFlashAttribute("notice", "usage.feature.notice.unmapped");
		return "redirect:/admin/features";
	}

	private String page(Model model) {
		model.addAttribute("mappings", features.all());
		model.addAttribute("unmapped", features.unmappedEvents(LocalDate.now(clock).minusDays(30), 50));
		return "usage/features";
	}
}
