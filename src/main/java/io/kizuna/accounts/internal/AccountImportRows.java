package io.kizuna.accounts.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.kizuna.accounts.LifecycleStage;
import io.kizuna.identity.UserDirectory;
import io.kizuna.identity.UserId;
import io.kizuna.imports.ImportField;
import io.kizuna.imports.ImportRow;
import io.kizuna.imports.RowProblem;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Reads account rows as CRMs export them: countries by name in English or Japanese or by ISO code,
 * stages by name or label in either language, employee counts with thousands separators, owners by
 * name, websites with scheme and path. A row becomes account details, or problems that say why not.
 */
final class AccountImportRows {

	static final List<ImportField> FIELDS = List.of(
			field("name", "account.name", true, "Account Name", "Company name", "Company", "取引先名", "会社名"),
			field("domains", "account.domains", false, "Website", "Website URL", "Company Domain Name", "Domain",
					"Web サイト", "ウェブサイト", "会社のドメイン名", "ドメイン", "ウェブサイトURL"),
			field("industry", "account.industry", false, "Industry", "業種"),
			field("employeeCount", "account.employees", false, "Employees", "Number of Employees",
					"NumberOfEmployees", "従業員数"),
			field("country", "account.country", false, "Billing Country", "BillingCountry", "Country/Region",
					"Country", "請求先国", "国/地域", "国"),
			field("plan", "account.plan", false, "Plan", "プラン"),
			field("stage", "account.stage", false, "Lifecycle Stage", "Stage", "ライフサイクルステージ", "ステージ"),
			field("ownerCsm", "account.ownerCsm", false, "Account Owner", "Company owner", "Owner", "取引先 所有者",
					"会社の所有者", "担当CSM"),
			field("salesforceId", "account.salesforceId", false, "Account ID", "Id", "取引先 ID", "Salesforce ID"),
			field("hubspotId", "account.hubspotId", false, "Record ID", "Company ID", "レコード ID", "HubSpot ID"));

	private final Map<String, String> countries = new HashMap<>();

	private final Map<String, LifecycleStage> stages = new HashMap<>();

	private final Map<String, UserId> csms = new HashMap<>();

	private final List<CustomField> customFields;

	AccountImportRows(UserDirectory directory, org.springframework.context.MessageSource messages,
			List<CustomField> customFields) {
		this.customFields = customFields;
		for (String code : Locale.getISOCountries()) {
			Locale country = Locale.of("", code);
			countries.put(code.toLowerCase(Locale.ROOT), code);
			countries.put(country.getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
			countries.put(country.getDisplayCountry(Locale.JAPANESE), code);
			countries.put(country.getISO3Country().toLowerCase(Locale.ROOT), code);
		}
		countries.put("usa", "US");
		countries.put("united states of america", "US");
		countries.put("uk", "GB");
		countries.put("アメリカ", "US");
		countries.put("イギリス", "GB");
		for (LifecycleStage stage : LifecycleStage.values()) {
			stages.put(stage.name().toLowerCase(Locale.ROOT), stage);
			stages.put(messages.getMessage(stage.labelKey(), null, Locale.ENGLISH).toLowerCase(Locale.ROOT), stage);
			stages.put(messages.getMessage(stage.labelKey(), null, Locale.JAPANESE), stage);
		}
		// HubSpot's company lifecycle stages: a customer is adopting, anything before is still onboarding.
		stages.put("customer", LifecycleStage.ADOPTION);
		stages.put("evangelist", LifecycleStage.EXPANSION);
		stages.put("顧客", LifecycleStage.ADOPTION);
		directory.activeWithRole(io.kizuna.identity.Role.CSM)
			.forEach(m -> csms.put(m.displayName().toLowerCase(Locale.ROOT), m.id()));
	}

	/** A row read into details, with the problems found; {@code details} is null when there are any. */
	record Read(AccountDetails details, List<RowProblem> problems) {
	}

	Read read(ImportRow row) {
		List<RowProblem> problems = new ArrayList<>();
		String name = row.get("name");
		if (name == null) {
			problems.add(problem(row, "import.account.nameMissing"));
		}
		else if (name.length() > 200) {
			problems.add(problem(row, "import.tooLong", label("account.name"), 200));
		}
		List<String> domains = AccountRules.splitDomains(row.get("domains") == null ? null
				: row.get("domains").replace(';', ','));
		if (!AccountRules.validDomains(domains)) {
			problems.add(problem(row, "import.account.domainInvalid", row.get("domains")));
		}
		Integer employees = null;
		String employeeText = row.get("employeeCount");
		if (employeeText != null) {
			try {
				employees = Integer.valueOf(employeeText.replaceAll("[,\\s，]", ""));
				if (employees < 0) {
					problems.add(problem(row, "import.account.employeesInvalid", employeeText));
				}
			}
			catch (NumberFormatException notANumber) {
				problems.add(problem(row, "import.account.employeesInvalid", employeeText));
			}
		}
		String country = null;
		if (row.get("country") != null) {
			country = countries.get(row.get("country").toLowerCase(Locale.ROOT));
			if (country == null) {
				problems.add(problem(row, "import.account.countryUnknown", row.get("country")));
			}
		}
		LifecycleStage stage = LifecycleStage.ONBOARDING;
		if (row.get("stage") != null) {
			stage = stages.get(row.get("stage").toLowerCase(Locale.ROOT));
			if (stage == null) {
				problems.add(problem(row, "import.account.stageUnknown", row.get("stage")));
			}
		}
		UserId owner = null;
		if (row.get("ownerCsm") != null) {
			owner = csms.get(row.get("ownerCsm").toLowerCase(Locale.ROOT));
			if (owner == null) {
				problems.add(problem(row, "import.account.ownerUnknown", row.get("ownerCsm")));
			}
		}
		String salesforceId = externalId(row, "salesforceId", problems);
		String hubspotId = externalId(row, "hubspotId", problems);
		if (salesforceId == null && hubspotId == null && domains.isEmpty()) {
			problems.add(problem(row, "import.account.noKey"));
		}
		Map<String, String> custom = new java.util.TreeMap<>();
		for (CustomField field : customFields) {
			String value = row.get(AccountQuery.CUSTOM_PREFIX + field.key());
			try {
				String stored = field.normalize(value);
				if (stored != null) {
					custom.put(field.key(), stored);
				}
			}
			catch (IllegalArgumentException misfit) {
				problems.add(problem(row, "customField.invalid", field.label(), value, label(misfit.getMessage())));
			}
		}
		String industry = clip(row, "industry", 100, problems);
		String plan = clip(row, "plan", 100, problems);
		if (!problems.isEmpty()) {
			return new Read(null, problems);
		}
		return new Read(AccountCatalog.normalize(new AccountDetails(name, domains, industry, employees, country, plan,
				stage, owner, null, salesforceId, hubspotId, custom)), problems);
	}

	private static String externalId(ImportRow row, String field, List<RowProblem> problems) {
		String value = row.get(field);
		if (value != null && !value.matches("[A-Za-z0-9_-]{1,64}")) {
			problems.add(problem(row, "import.account.externalIdInvalid", value));
		}
		return value;
	}

	private static String clip(ImportRow row, String field, int max, List<RowProblem> problems) {
		String value = row.get(field);
		if (value != null && value.length() > max) {
			problems.add(problem(row, "import.tooLong", label("account." + (field.equals("plan") ? "plan" : field)), max));
		}
		return value;
	}

	static RowProblem problem(ImportRow row, String key, Object... arguments) {
		return new RowProblem(row.line(), key, arguments);
	}

	static DefaultMessageSourceResolvable label(String key) {
		return new DefaultMessageSourceResolvable(key);
	}

	private static ImportField field(String name, String labelKey, boolean required, String... aliases) {
		return new ImportField(name, labelKey, required, List.of(aliases));
	}
}
