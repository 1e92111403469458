package io.kizuna.imports.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import io.kizuna.identity.SignedInUser;
import io.kizuna.identity.UserDirectory;
import io.kizuna.imports.ImportField;
import io.kizuna.imports.Importer;
import io.kizuna.imports.RowProblem;
import io.kizuna.shared.KizunaException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The import pages: upload, map and check, run with progress, and the report of rejected rows. */
@Controller
@RequestMapping("/imports")
class ImportController {

	static final String EDITORS = "hasAnyRole('CSM', 'SALES')";

	private static final int PREVIEW_ROWS = 5;

	private static final int PROBLEMS_SHOWN = 200;

	private final ImportDesk desk;

	private final ImportJobs jobs;

	private final UserDirectory directory;

	private final MessageSource messages;

	ImportController(ImportDesk desk, ImportJobs jobs, UserDirectory directory, MessageSource messages) {
		this.desk = desk;
		this.jobs = jobs;
		this.directory = directory;
		this.messages = messages;
	}

	/** An import as the list shows it. */
	public record JobRow(ImportJob job, String createdBy, String kindLabelKey) {
	}

	/** A column of the file: its header, a few sample values, and the field it is mapped to. */
	public record Column(int index, String header, List<String> samples, String field) {
	}

	@GetMapping
	@PreAuthorize(EDITORS)
	String list(@RequestParam(required = false) String kind, Model model) {
		List<ImportJob> latest = jobs.latest(20);
		Map<io.kizuna.identity.UserId, String> names = directory.names(latest.stream().map(ImportJob::createdBy).distinct().toList());
		model.addAttribute("jobs", latest.stream()
			.map(job -> new JobRow(job, names.get(job.createdBy()), desk.importers().stream()
				.filter(i -> i.kind().equals(job.kind())).map(Importer::labelKey).findFirst().orElse("import.title")))
			.toList());
		model.addAttribute("importers", desk.importers());
		model.addAttribute("kind", kind == null ? "accounts" : kind);
		return "imports/list";
	}

	@PostMapping
	@PreAuthorize(EDITORS)
	String upload(@RequestParam String kind, @RequestParam(required = false) MultipartFile file,
			@AuthenticationPrincipal SignedInUser me, Model model) throws IOException {
		if (file == null || file.isEmpty()) {
			model.addAttribute("failure", "import.noFile");
			return list(kind, model);
		}
		try {
			ImportJob job = desk.upload(kind, file.getOriginalFilename(), file.getBytes(), me.id());
			return "redirect:/imports/" + job.id();
		}
		catch (KizunaException refused) {
			if (refused.status().value() == 404) {
				throw refused;
			}
			model.addAttribute("failureMessage", messages.getMessage(refused.messageKey(), refused.arguments(),
					LocaleContextHolder.getLocale()));
			return list(kind, model);
		}
	}

	@GetMapping("/{id}")
	@PreAuthorize(EDITORS)
	String show(@PathVariable UUID id, Model model) {
		ImportJob job = desk.job(id);
		return page(job, job.mapping(), model);
	}

	@PostMapping("/{id}/mapping")
	@PreAuthorize(EDITORS)
	String map(@PathVariable UUID id, @RequestParam(name = "mapping", required = false) List<String> mapping,
			Model model) {
		List<String> chosen = mapping == null ? List.of() : mapping;
		try {
			desk.check(id, chosen);
			return "redirect:/imports/" + id + "#check";
		}
		catch (KizunaException refused) {
			if (refused.status().value() == 404) {
				throw refused;
			}
			model.addAttribute("failureMessage", messages.getMessage(refused.messageKey(), refused.arguments(),
					LocaleContextHolder.getLocale()));
			return page(desk.job(id), chosen, model);
		}
	}

	@PostMapping("/{id}/run")
	@PreAuthorize(EDITORS)
	String run(@PathVariable UUID id, RedirectAttributes redirect) {
		try {
			desk.start(id);
		}
		catch (KizunaException refused) {
			if (refused.status().value() == 404) {
				throw refused;
			}
			redirect.addFlashAttribute("failure", refused.messageKey());
		}
		return "redirect:/imports/" + id;
	}

	/** The status block; while the import runs, htmx asks for it again every second. */
	@GetMapping("/{id}/status")
	@PreAuthorize(EDITORS)
	String status(@PathVariable UUID id, Model model) {
		model.addAttribute("job", desk.job(id));
		model.addAttribute("progress", desk.progress(id));
		return "imports/job :: status";
	}

	/** The rejected rows with their line numbers and reasons, in the reader's language. */
	@GetMapping("/{id}/rejected.csv")
	@PreAuthorize(EDITORS)
	void rejected(@PathVariable UUID id, HttpServletResponse response) throws IOException {
		desk.job(id);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"rejected-rows.csv\"");
		var writer = response.getWriter();
		writer.write('\uFEFF');
		try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
			csv.printRecord(messages.getMessage("import.line", null, LocaleContextHolder.getLocale()),
					messages.getMessage("import.reason", null, LocaleContextHolder.getLocale()));
			for (RowProblem problem : jobs.problems(id, Integer.MAX_VALUE)) {
				csv.printRecord(problem.line(), message(problem));
			}
		}
	}

	private String page(ImportJob job, List<String> mapping, Model model) {
		Importer<?> importer = desk.importer(job.kind());
		CsvText.Table table = desk.table(job.id());
		List<String> chosen = mapping == null || mapping.isEmpty() ? desk.suggestMapping(job, table.headers()) : mapping;
		List<Column> columns = new ArrayList<>();
		for (int i = 0; i < table.headers().size(); i++) {
			int column = i;
			columns.add(new Column(i, table.headers().get(i), table.rows().stream()
				.limit(3)
				.map(row -> column < row.cells().size() ? row.cells().get(column) : "")
				.toList(), i < chosen.size() ? chosen.get(i) : ""));
		}
		model.addAttribute("job", job);
		model.addAttribute("importer", importer);
		model.addAttribute("fields", importer.fields());
		model.addAttribute("columns", columns);
		model.addAttribute("progress", desk.progress(job.id()));
		if (job.mapping() != null) {
			List<ImportField> mapped = importer.fields().stream().filter(f -> job.mapping().contains(f.name())).toList();
			model.addAttribute("previewFields", mapped);
			model.addAttribute("preview", ImportDesk.rows(table, job.mapping()).stream().limit(PREVIEW_ROWS).toList());
			model.addAttribute("problems", jobs.problems(job.id(), PROBLEMS_SHOWN).stream()
				.map(p -> Map.entry(p.line(), message(p)))
				.toList());
		}
		return "imports/job";
	}

	private String message(RowProblem problem) {
		return messages.getMessage(problem.messageKey(), problem.arguments(), LocaleContextHolder.getLocale());
	}
}
