package io.kizuna.accounts.internal;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins define the custom fields of accounts: they appear on forms, the account page, filters, import and API. */
@Controller
@RequestMapping("/admin/custom-fields")
@PreAuthorize("hasRole('ADMIN')")
class CustomFieldController {

	private final CustomFields fields;

	private final Clock clock;

	private final AccountIndexing indexing;

	CustomFieldController(CustomFields fields, Clock clock, AccountIndexing indexing) {
		this.fields = fields;
		this.clock = clock;
		this.indexing = indexing;
	}

	/** The form that defines a field; choices one per line. */
	public static class CustomFieldForm {

		@NotBlank
		@Pattern(regexp = "[a-z][a-z0-9_]{0,39}", message = "{customField.key.pattern}")
		private String key;

		@NotBlank
		@Size(max = 100)
		private String label;

		@Size(max = 100)
		private String labelJa;

		@NotNull
		private CustomField.Type type = CustomField.Type.TEXT;

		@Size(max = 4000)
		private String choices;

		public String getKey() { return key; }
		public void setKey(String key) { this.key = key; }
		public String getLabel() { return label; }
		public void setLabel(String label) { this.label = label; }
		public String getLabelJa() { return labelJa; }
		public void setLabelJa(String labelJa) { this.labelJa = labelJa; }
		public CustomField.Type getType() { return type; }
		public void setType(CustomField.Type type) { this.type = type; }
		public String getChoices() { return choices; }
		public void setChoices(String choices) { this.choices = choices; }

		List<String> choiceList() {
			return choices == null ? List.of()
					: Arrays.stream(choices.split("\\R")).map(String::strip).filter(c -> !c.isEmpty()).distinct().toList();
		}
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("customFieldForm", new CustomFieldForm());
		return page(model);
	}

	@PostMapping
	String create(@Valid CustomFieldForm customFieldForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (customFieldForm.getType() == CustomField.Type.CHOICE && customFieldForm.choiceList().isEmpty()) {
			result.rejectValue("choices", "customField.choices.required");
		}
		if (customFieldForm.getKey() != null && fields.byKey(customFieldForm.getKey()).isPresent()) {
			result.rejectValue("key", "customField.key.taken");
		}
		if (result.hasErrors()) {
			return page(model);
		}
		List<CustomField> existing = fields.all();
		String labelJa = customFieldForm.getLabelJa() == null || customFieldForm.getLabelJa().isBlank() ? null
				: customFieldForm.getLabelJa().strip();
		fields.create(new CustomField(UUID.randomUUID(), customFieldForm.getKey(), customFieldForm.getLabel().strip(),
				labelJa, customFieldForm.getType(),
				customFieldForm.getType() == CustomField.Type.CHOICE ? customFieldForm.choiceList() : List.of(),
				existing.size()), clock.instant());
		redirect.addFlashAttribute("notice", "customField.notice.created");
		return "redirect:/admin/custom-fields";
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable UUID id, RedirectAttributes redirect) {
		fields.delete(id);
		// Rare, and it changes every account that had a value: index them all again.
		indexing.rebuild();
		redirect.addFlashAttribute("notice", "customField.notice.deleted");
		return "redirect:/admin/custom-fields";
	}

	private String page(Model model) {
		model.addAttribute("fields", fields.all());
		model.addAttribute("types", CustomField.Type.values());
		return "accounts/custom-fields";
	}
}
