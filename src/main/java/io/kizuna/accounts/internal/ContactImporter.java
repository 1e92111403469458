package io.kizuna.accounts.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;

import io.kizuna.accounts.AccountId;
import io.kizuna.imports.ImportField;
import io.kizuna.imports.ImportPlan;
import io.kizuna.imports.ImportResult;
import io.kizuna.imports.ImportRow;
import io.kizuna.imports.Importer;
import io.kizuna.imports.RowProblem;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Imports contacts from CSV, keyed by e-mail address (one person, one contact): each row names its
 * account by Salesforce id, HubSpot id or domain, and its name whole or as last and first name
 * (joined in Japanese order for Japanese contacts). A known address on the same account is updated;
 * on another account it is refused, since a person belongs to one account.
 */
@Component
class ContactImporter implements Importer<ContactImporter.Planned> {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final Pattern PHONE = Pattern.compile("[0-9+()\\- ]{3,50}");

	private static final List<ImportField> FIELDS = List.of(
			field("email", "contact.email", true, "Email", "E-mail", "Email Address", "メール", "メールアドレス"),
			field("account", "import.subscription.account", true, "Account ID", "Company ID", "Associated Company ID",
					"Company Domain Name", "取引先 ID", "会社のドメイン名"),
			field("name", "contact.name", false, "Full Name", "Name", "Contact Name", "氏名", "名前"),
			field("lastName", "import.contact.lastName", false, "Last Name", "姓"),
			field("firstName", "import.contact.firstName", false, "First Name", "名"),
			field("title", "contact.jobTitle", false, "Title", "Job Title", "役職"),
			field("phone", "contact.phone", false, "Phone", "Phone Number", "電話", "電話番号"),
			field("role", "contact.role", false, "Contact Role", "Role", "役割"),
			field("language", "contact.language", false, "Language", "Preferred Language", "言語"));

	private final AccountRecordKeeper accounts;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	ContactImporter(AccountRecordKeeper accounts, JdbcTemplate jdbc, Clock clock) {
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public String kind() {
		return "contacts";
	}

	@Override
	public String labelKey() {
		return "contact.title";
	}

	@Override
	public List<ImportField> fields() {
		return FIELDS;
	}

	/** A row that passed: the contact as it will be, the stored one it updates (null: new), and whether it is the same. */
	record Planned(Contact contact, UUID existing, boolean same) {
	}

	@Override
	public ImportResult apply(List<Planned> planned, IntConsumer progress) {
		List<Contact> created = planned.stream().filter(p -> p.existing() == null).map(Planned::contact).toList();
		List<Planned> updated = planned.stream().filter(p -> p.existing() != null && !p.same()).toList();
		jdbc.batchUpdate(DemoCompany.INSERT_CONTACT, created, 1000, DemoCompany::contact);
		progress.accept(created.size());
		jdbc.batchUpdate("update contact set name = ?, phone = ?, title = ?, role = ?, language = ? where id = ?", updated,
				1000, (ps, p) -> {
					Contact c = p.contact();
					ps.setString(1, c.name());
					ps.setString(2, c.phone());
					ps.setString(3, c.title());
					ps.setString(4, c.role().name());
					ps.setString(5, c.language());
					ps.setObject(6, p.existing());
				});
		progress.accept(planned.size());
		return new ImportResult(created.size(), updated.size(), planned.size() - created.size() - updated.size());
	}

	@Override
	public ImportPlan<Planned> plan(List<ImportRow> rows) {
		List<RowProblem> problems = new ArrayList<>();
		Map<String, AccountId> accountsByKey = accounts
			.resolve(rows.stream().map(r -> r.get("account")).filter(Objects::nonNull).toList());
		Map<String, Contact> existing = existing(rows.stream()
			.map(r -> r.get("email") == null ? null : r.get("email").toLowerCase(Locale.ROOT))
			.filter(Objects::nonNull)
			.distinct()
			.toList());
		Map<String, Long> seen = new HashMap<>();
		Instant now = clock.instant();
		List<Planned> planned = new ArrayList<>();
		for (ImportRow row : rows) {
			List<RowProblem> rowProblems = new ArrayList<>();
			String email = row.get("email") == null ? null : row.get("email").toLowerCase(Locale.ROOT);
			if (email == null || email.length() > 320 || !EMAIL.matcher(email).matches()) {
				rowProblems.add(new RowProblem(row.line(), "import.contact.emailInvalid", String.valueOf(row.get("email"))));
			}
			else {
				Long first = seen.putIfAbsent(email, row.line());
				if (first != null) {
					rowProblems.add(new RowProblem(row.line(), "import.duplicateInFile", email, first));
				}
			}
			AccountId account = row.get("account") == null ? null : accountsByKey.get(row.get("account"));
			if (account == null) {
				rowProblems.add(new RowProblem(row.line(), "import.subscription.accountUnknown",
						String.valueOf(row.get("account"))));
			}
			String language = language(row.get("language"));
			String name = name(row, language);
			if (name == null || name.length() > 200) {
				rowProblems.add(new RowProblem(row.line(), "import.contact.nameMissing"));
			}
			String phone = row.get("phone");
			if (phone != null && !PHONE.matcher(phone).matches()) {
				rowProblems.add(new RowProblem(row.line(), "contact.phone.pattern"));
			}
			ContactRole role = role(row.get("role"));
			if (role == null) {
				rowProblems.add(new RowProblem(row.line(), "import.contact.roleUnknown", row.get("role")));
			}
			Contact current = email == null ? null : existing.get(email);
			if (current != null && account != null && !current.account().equals(account)) {
				rowProblems.add(new RowProblem(row.line(), "contact.email.taken", email));
			}
			if (!rowProblems.isEmpty()) {
				problems.addAll(rowProblems);
				continue;
			}
			String title = row.get("title");
			Contact contact = new Contact(current == null ? UUID.randomUUID() : current.id(), account, name, email,
					phone, title == null || title.length() <= 200 ? title : title.substring(0, 200), role, language,
					current == null ? now : current.createdAt());
			planned.add(new Planned(contact, current == null ? null : current.id(), contact.equals(current)));
		}
		return new ImportPlan<>(planned, problems);
	}

	private Map<String, Contact> existing(List<String> emails) {
		Map<String, Contact> found = new HashMap<>();
		for (int from = 0; from < emails.size(); from += 1000) {
			List<String> chunk = emails.subList(from, Math.min(emails.size(), from + 1000));
			jdbc.query("select * from contact where email in (" + String.join(",", java.util.Collections.nCopies(chunk.size(), "?"))
					+ ")", rs -> {
						Contact c = new Contact(rs.getObject("id", UUID.class),
								new AccountId(rs.getObject("account_id", UUID.class)), rs.getString("name"),
								rs.getString("email"), rs.getString("phone"), rs.getString("title"),
								ContactRole.valueOf(rs.getString("role")), rs.getString("language"),
								io.kizuna.shared.SqlTimes.instant(rs, "created_at"));
						found.put(c.email(), c);
					}, chunk.toArray());
		}
		return found;
	}

	private static String name(ImportRow row, String language) {
		if (row.get("name") != null) {
			return row.get("name");
		}
		String last = row.get("lastName");
		String first = row.get("firstName");
		if (last == null && first == null) {
			return null;
		}
		if (last == null || first == null) {
			return last == null ? first : last;
		}
		return "ja".equals(language) || last.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
				? last + " " + first : first + " " + last;
	}

	private static String language(String text) {
		if (text == null) {
			return null;
		}
		return switch (text.toLowerCase(Locale.ROOT)) {
			case "ja", "japanese", "日本語", "ja-jp" -> "ja";
			case "en", "english", "英語", "en-us", "en-gb" -> "en";
			default -> null;
		};
	}

	private static ContactRole role(String text) {
		if (text == null) {
			return ContactRole.END_USER;
		}
		String key = text.toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
		for (ContactRole role : ContactRole.values()) {
			if (role.name().equalsIgnoreCase(key)) {
				return role;
			}
		}
		return switch (text) {
			case "チャンピオン", "推進者" -> ContactRole.CHAMPION;
			case "決裁者", "意思決定者" -> ContactRole.DECISION_MAKER;
			case "管理者" -> ContactRole.ADMIN;
			case "エンドユーザー", "利用者" -> ContactRole.END_USER;
			default -> null;
		};
	}

	private static ImportField field(String name, String labelKey, boolean required, String... aliases) {
		return new ImportField(name, labelKey, required, List.of(aliases));
	}
}
