package io.kizuna.surveys.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;

import io.kizuna.accounts.AccountId;
import io.kizuna.accounts.AccountRecords;
import io.kizuna.imports.ImportField;
import io.kizuna.imports.ImportPlan;
import io.kizuna.imports.ImportResult;
import io.kizuna.imports.ImportRow;
import io.kizuna.imports.Importer;
import io.kizuna.imports.RowProblem;
import io.kizuna.shared.KizunaException;
import io.kizuna.surveys.SurveyAnswerId;
import io.kizuna.surveys.SurveyAnswered;
import io.kizuna.surveys.SurveyAnswersImported;
import io.kizuna.surveys.SurveyKind;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Imports survey answers exported from a survey tool, keyed by the tool's response id so that a second
 * import of the same file changes nothing. Each row names its account like the other imports do
 * (Salesforce id, HubSpot id or domain). A time without a zone is read in the importing person's zone.
 */
@Component
class SurveyAnswerImporter implements Importer<SurveyAnswerImporter.Planned> {

	private static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private static final List<ImportField> FIELDS = List.of(
			field("externalId", "survey.externalId", true, "Response ID", "ResponseId", "Answer ID", "回答ID", "回答 ID"),
			field("account", "import.subscription.account", true, "Account ID", "Company ID", "Company Domain Name",
					"取引先 ID", "会社のドメイン名"),
			field("kind", "survey.kind", true, "Survey", "Survey Type", "Question", "種別", "アンケート"),
			field("score", "survey.score", true, "Score", "Rating", "NPS", "CSAT", "スコア", "評価"),
			field("answeredAt", "survey.answeredAt", true, "Answered At", "Submitted At", "Date", "Response Date",
					"回答日時", "回答日"),
			field("email", "survey.contactEmail", false, "Email", "Respondent Email", "メールアドレス", "メール"),
			field("comment", "survey.comment", false, "Comment", "Feedback", "Reason", "コメント", "理由"));

	private static final List<DateTimeFormatter> TIMES = List.of(DateTimeFormatter.ofPattern("uuuu-M-d H:mm[:ss]"),
			DateTimeFormatter.ofPattern("uuuu/M/d H:mm[:ss]"), DateTimeFormatter.ofPattern("uuuu-M-d'T'H:mm[:ss]"));

	private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("uuuu-M-d"),
			DateTimeFormatter.ofPattern("uuuu/M/d"), DateTimeFormatter.ofPattern("uuuu年M月d日"));

	private final AccountRecords accounts;

	private final SurveyAnswerStore store;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SurveyAnswerImporter(AccountRecords accounts, SurveyAnswerStore store, ApplicationEventPublisher events,
			Clock clock) {
		this.accounts = accounts;
		this.store = store;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public String kind() {
		return "survey-answers";
	}

	@Override
	public String labelKey() {
		return "survey.title";
	}

	@Override
	public List<ImportField> fields() {
		return FIELDS;
	}

	/** A row that passed: the answer as it will be, whether it is new, and whether it is the same as stored. */
	record Planned(SurveyAnswer answer, boolean created, boolean same) {
	}

	@Override
	public ImportPlan<Planned> plan(List<ImportRow> rows) {
		ZoneId zone = LocaleContextHolder.getTimeZone().toZoneId();
		Map<String, AccountId> accountsByKey = accounts
			.resolve(rows.stream().map(r -> r.get("account")).filter(Objects::nonNull).toList());
		Map<String, SurveyAnswer> existing = store
			.byExternalIds(rows.stream().map(r -> r.get("externalId")).filter(Objects::nonNull).distinct().toList());
		Map<String, Long> seen = new HashMap<>();
		List<RowProblem> problems = new ArrayList<>();
		List<Planned> planned = new ArrayList<>();
		Instant now = clock.instant();
		for (ImportRow row : rows) {
			List<RowProblem> rowProblems = new ArrayList<>();
			String externalId = row.get("externalId");
			if (externalId == null || !EXTERNAL_ID.matcher(externalId).matches()) {
				rowProblems.add(new RowProblem(row.line(), "survey.import.externalIdInvalid", String.valueOf(externalId)));
			}
			else {
				Long first = seen.putIfAbsent(externalId, row.line());
				if (first != null) {
					rowProblems.add(new RowProblem(row.line(), "import.duplicateInFile", externalId, first));
				}
			}
			AccountId account = row.get("account") == null ? null : accountsByKey.get(row.get("account"));
			if (account == null) {
				rowProblems.add(new RowProblem(row.line(), "import.subscription.accountUnknown",
						String.valueOf(row.get("account"))));
			}
			SurveyKind kind = kind(row.get("kind"));
			if (kind == null) {
				rowProblems.add(new RowProblem(row.line(), "survey.import.kindUnknown", String.valueOf(row.get("kind"))));
			}
			Integer score = score(row.get("score"));
			if (score == null) {
				rowProblems.add(new RowProblem(row.line(), "survey.import.scoreInvalid", String.valueOf(row.get("score"))));
			}
			Instant answeredAt = time(row.get("answeredAt"), zone);
			if (answeredAt == null) {
				rowProblems.add(new RowProblem(row.line(), "survey.import.answeredAtInvalid",
						String.valueOf(row.get("answeredAt"))));
			}
			if (kind != null && score != null && answeredAt != null) {
				try {
					SurveyAnswerBook.check(kind, score, answeredAt, clock);
				}
				catch (KizunaException broken) {
					rowProblems.add(new RowProblem(row.line(), broken.messageKey(), broken.arguments()));
				}
			}
			String email = row.get("email") == null ? null : row.get("email").toLowerCase(Locale.ROOT);
			if (email != null && (email.length() > 320 || !email.contains("@"))) {
				rowProblems.add(new RowProblem(row.line(), "survey.import.emailInvalid", email));
			}
			if (!rowProblems.isEmpty()) {
				problems.addAll(rowProblems);
				continue;
			}
			String comment = row.get("comment");
			comment = comment == null || comment.length() <= 2000 ? comment : comment.substring(0, 2000);
			SurveyAnswer current = existing.get(externalId);
			SurveyAnswer answer = new SurveyAnswer(current == null ? SurveyAnswerId.random() : current.id(), account,
					email, kind, score, comment, answeredAt, externalId, current == null ? now : current.createdAt());
			planned.add(new Planned(answer, current == null, answer.sameAs(current)));
		}
		return new ImportPlan<>(planned, problems);
	}

	@Override
	public ImportResult apply(List<Planned> accepted, IntConsumer progress) {
		List<SurveyAnswer> created = accepted.stream().filter(Planned::created).map(Planned::answer).toList();
		List<SurveyAnswer> changed = accepted.stream().filter(p -> !p.created() && !p.same()).map(Planned::answer).toList();
		store.insertAll(created);
		progress.accept(created.size());
		store.updateAll(changed);
		progress.accept(accepted.size());
		List<SurveyAnswered> told = new ArrayList<>();
		created.forEach(a -> told.add(a.told(SurveyAnswered.Action.RECORDED)));
		changed.forEach(a -> told.add(a.told(SurveyAnswered.Action.CHANGED)));
		if (!told.isEmpty()) {
			events.publishEvent(new SurveyAnswersImported(told));
		}
		return new ImportResult(created.size(), changed.size(), accepted.size() - created.size() - changed.size());
	}

	private static SurveyKind kind(String text) {
		if (text == null) {
			return null;
		}
		String key = text.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
		if (key.contains("nps") || key.contains("推奨")) {
			return SurveyKind.NPS;
		}
		if (key.contains("csat") || key.contains("満足")) {
			return SurveyKind.CSAT;
		}
		return null;
	}

	private static Integer score(String text) {
		if (text == null) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException notWhole) {
			return null;
		}
	}

	/** An instant with a zone or offset, a local time in {@code zone}, or a date (its start in {@code zone}). */
	static Instant time(String text, ZoneId zone) {
		if (text == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException notOffset) {
			// a local time or a date
		}
		for (DateTimeFormatter format : TIMES) {
			try {
				return LocalDateTime.parse(text, format.withResolverStyle(ResolverStyle.STRICT)).atZone(zone).toInstant();
			}
			catch (DateTimeParseException tryNext) {
				// the next format may fit
			}
		}
		for (DateTimeFormatter format : DATES) {
			try {
				return LocalDate.parse(text, format.withResolverStyle(ResolverStyle.STRICT)).atStartOfDay(zone).toInstant();
			}
			catch (DateTimeParseException tryNext) {
				// the next format may fit
			}
		}
		return null;
	}

	private static ImportField field(String name, String labelKey, boolean required, String... aliases) {
		return new ImportField(name, labelKey, required, List.of(aliases));
	}
}
