package io.kizuna.imports.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.kizuna.identity.UserId;
import io.kizuna.imports.ImportField;
import io.kizuna.imports.ImportPlan;
import io.kizuna.imports.ImportResult;
import io.kizuna.imports.ImportRow;
import io.kizuna.imports.Importer;
import io.kizuna.imports.RowProblem;
import io.kizuna.shared.BusinessRuleViolation;
import io.kizuna.shared.NotFoundException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.task.TaskExecutor;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs imports: takes the upload, proposes a mapping, checks every row, and writes the valid rows in
 * the background in one transaction (all of them or, if anything fails, none), counting progress.
 */
@Service
class ImportDesk {

	private static final Logger log = LoggerFactory.getLogger(ImportDesk.class);

	static final int MAX_ROWS = 200_000;

	/** Progress of a running import: rows written so far, of how many. */
	public record Progress(int done, int total) {

		public int percent() {
			return total == 0 ? 100 : (int) (done * 100L / total);
		}
	}

	private final Map<String, Importer<?>> importers;

	private final ImportJobs jobs;

	private final TransactionTemplate transactions;

	private final TaskExecutor executor;

	private final Clock clock;

	private final Map<UUID, Progress> running = new ConcurrentHashMap<>();

	ImportDesk(List<Importer<?>> importers, ImportJobs jobs, TransactionTemplate transactions,
			@Qualifier("applicationTaskExecutor") TaskExecutor executor, Clock clock) {
		this.importers = importers.stream().collect(Collectors.toMap(Importer::kind, Function.identity(), (a, b) -> a,
				LinkedHashMap::new));
		this.jobs = jobs;
		this.transactions = transactions;
		this.executor = executor;
		this.clock = clock;
	}

	List<Importer<?>> importers() {
		return List.copyOf(importers.values());
	}

	Importer<?> importer(String kind) {
		Importer<?> importer = importers.get(kind);
		if (importer == null) {
			throw new NotFoundException("import.kind.unknown", kind);
		}
		return importer;
	}

	ImportJob job(UUID id) {
		return jobs.find(id).orElseThrow(() -> new NotFoundException("import.notFound", id));
	}

	ImportJob upload(String kind, String fileName, byte[] bytes, UserId by) {
		importer(kind);
		CsvText.Decoded decoded = CsvText.decode(bytes);
		CsvText.Table table;
		try {
			table = CsvText.parse(decoded.text());
		}
		catch (IllegalArgumentException unreadable) {
			throw new BusinessRuleViolation("import.unreadable", unreadable.getMessage());
		}
		if (table.headers().isEmpty() || table.rows().isEmpty()) {
			throw new BusinessRuleViolation("import.empty");
		}
		if (table.rows().size() > MAX_ROWS) {
			throw new BusinessRuleViolation("import.tooManyRows", MAX_ROWS);
		}
		String name = fileName == null || fileName.isBlank() ? "upload.csv" : fileName;
		ImportJob job = new ImportJob(UUID.randomUUID(), kind, name.length() > 255 ? name.substring(0, 255) : name,
				decoded.charset(), table.rows().size(), null, ImportJob.Status.UPLOADED, ImportJob.Counts.NONE, null, by,
				clock.instant(), null);
		jobs.insert(job, decoded.text());
		return job;
	}

	CsvText.Table table(UUID id) {
		return CsvText.parse(jobs.content(id));
	}

	/** For each column, the field it most likely fills: remembered from earlier imports, else by its header. */
	List<String> suggestMapping(ImportJob job, List<String> headers) {
		Map<String, String> remembered = jobs.rememberedMappings(job.kind());
		Map<String, String> byAlias = new HashMap<>();
		for (ImportField field : importer(job.kind()).fields()) {
			byAlias.put(key(field.name()), field.name());
			field.aliases().forEach(alias -> byAlias.put(key(alias), field.name()));
		}
		Set<String> taken = new HashSet<>();
		List<String> mapping = new ArrayList<>();
		for (String header : headers) {
			String field = remembered.getOrDefault(key(header), byAlias.getOrDefault(key(header), ""));
			mapping.add(field.isEmpty() || !taken.add(field) ? "" : field);
		}
		return mapping;
	}

	/** Checks every row with this mapping, remembers the mapping, and keeps the problems for the report. */
	List<RowProblem> check(UUID id, List<String> mapping) {
		ImportJob job = job(id);
		if (job.status() == ImportJob.Status.RUNNING || job.status() == ImportJob.Status.DONE) {
			throw new BusinessRuleViolation("import.alreadyRun");
		}
		Importer<?> importer = importer(job.kind());
		CsvText.Table table = table(id);
		List<String> cleaned = validMapping(importer, mapping, table.headers().size());
		List<ImportRow> rows = rows(table, cleaned);
		List<RowProblem> problems = importer.plan(rows).problems();
		Set<Long> rejected = problems.stream().map(RowProblem::line).collect(Collectors.toSet());
		transactions.executeWithoutResult(status -> {
			jobs.checked(id, cleaned, (int) rows.stream().filter(r -> !rejected.contains(r.line())).count(), problems);
			for (int i = 0; i < table.headers().size(); i++) {
				jobs.remember(job.kind(), key(table.headers().get(i)), cleaned.get(i));
			}
		});
		return problems;
	}

	/** Starts writing in the background, as the person who asked; a second start is ignored. */
	void start(UUID id) {
		ImportJob job = job(id);
		if (!jobs.start(id)) {
			throw new BusinessRuleViolation(job.status() == ImportJob.Status.UPLOADED ? "import.notChecked"
					: "import.alreadyRun");
		}
		running.put(id, new Progress(0, job.counts().valid() == null ? 0 : job.counts().valid()));
		executor.execute(new DelegatingSecurityContextRunnable(() -> run(job)));
	}

	Progress progress(UUID id) {
		return running.get(id);
	}

	private void run(ImportJob job) {
		try {
			List<ImportRow> rows = rows(table(job.id()), job.mapping());
			ImportResult result = transactions.execute(status -> write(importer(job.kind()), job, rows));
			log.info("import {} of {}: {} created, {} updated, {} unchanged", job.id(), job.kind(), result.created(),
					result.updated(), result.unchanged());
		}
		catch (RuntimeException failure) {
			log.error("import {} of {} failed, nothing was written", job.id(), job.kind(), failure);
			jobs.failed(job.id(), failure.getClass().getSimpleName() + ": " + failure.getMessage(), clock.instant());
		}
		finally {
			running.remove(job.id());
		}
	}

	/** Planned again inside the transaction, since the data may have changed since the check; written once. */
	private <P> ImportResult write(Importer<P> importer, ImportJob job, List<ImportRow> rows) {
		ImportPlan<P> plan = importer.plan(rows);
		int total = plan.accepted().size();
		running.put(job.id(), new Progress(0, total));
		ImportResult written = importer.apply(plan.accepted(), n -> running.put(job.id(), new Progress(n, total)));
		jobs.done(job.id(), written.created(), written.updated(), written.unchanged(), clock.instant());
		return written;
	}

	private static List<String> validMapping(Importer<?> importer, List<String> mapping, int columns) {
		Map<String, ImportField> fields = importer.fields()
			.stream()
			.collect(Collectors.toMap(ImportField::name, Function.identity()));
		List<String> cleaned = new ArrayList<>();
		Set<String> used = new HashSet<>();
		for (int i = 0; i < columns; i++) {
			String field = i < mapping.size() && mapping.get(i) != null ? mapping.get(i).strip() : "";
			if (!field.isEmpty() && !fields.containsKey(field)) {
				throw new BusinessRuleViolation("import.mapping.unknownField", field);
			}
			if (!field.isEmpty() && !used.add(field)) {
				ImportField twice = fields.get(field);
				throw new BusinessRuleViolation("import.mapping.twice", twice.label() != null ? twice.label()
						: new DefaultMessageSourceResolvable(twice.labelKey()));
			}
			cleaned.add(field);
		}
		for (ImportField field : importer.fields()) {
			if (field.required() && !used.contains(field.name())) {
				throw new BusinessRuleViolation("import.mapping.required",
						new DefaultMessageSourceResolvable(field.labelKey()));
			}
		}
		return cleaned;
	}

	static List<ImportRow> rows(CsvText.Table table, List<String> mapping) {
		List<ImportRow> rows = new ArrayList<>(table.rows().size());
		for (CsvText.Row row : table.rows()) {
			Map<String, String> values = new HashMap<>();
			for (int i = 0; i < mapping.size() && i < row.cells().size(); i++) {
				if (!mapping.get(i).isEmpty()) {
					values.put(mapping.get(i), row.cells().get(i));
				}
			}
			rows.add(new ImportRow(row.line(), values));
		}
		return rows;
	}

	/** Headers compared without case, spaces or punctuation: "Account Name" = "account_name" = "AccountName". */
	static String key(String header) {
		return header.toLowerCase(Locale.ROOT).replaceAll("[\\s\\p{Punct}　・／（）]", "");
	}
}
