package io.kizuna.accounts.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import io.kizuna.accounts.AccountChanged;
import io.kizuna.accounts.AccountId;
import io.kizuna.accounts.AccountsImported;
import io.kizuna.identity.CurrentUser;
import io.kizuna.identity.UserDirectory;
import io.kizuna.identity.UserId;
import io.kizuna.imports.ImportField;
import io.kizuna.imports.ImportPlan;
import io.kizuna.imports.ImportResult;
import io.kizuna.imports.ImportRow;
import io.kizuna.imports.Importer;
import io.kizuna.imports.RowProblem;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Imports accounts from CSV. A row updates the account with the same Salesforce id, else the same
 * HubSpot id, else one of the same domains, and creates one otherwise; a row that matches an account
 * already the same changes nothing. Lookups and writes go in batches, not one query per row, so that
 * 100,000 rows take seconds.
 */
@Component
class AccountImporter implements Importer<AccountImporter.Planned> {

	private static final int PROGRESS_EVERY = 1000;

	private final AccountImportStore store;

	private final UserDirectory directory;

	private final MessageSource messages;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final CustomFields customFields;

	AccountImporter(AccountImportStore store, UserDirectory directory, MessageSource messages,
			ApplicationEventPublisher events, Clock clock, CustomFields customFields) {
		this.customFields = customFields;
		this.store = store;
		this.directory = directory;
		this.messages = messages;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public String kind() {
		return "accounts";
	}

	@Override
	public String labelKey() {
		return "nav.accounts";
	}

	@Override
	public List<ImportField> fields() {
		List<ImportField> fields = new ArrayList<>(AccountImportRows.FIELDS);
		for (CustomField field : customFields.all()) {
			fields.add(ImportField.labelled(AccountQuery.CUSTOM_PREFIX + field.key(), field.label(),
					java.util.stream.Stream.of(field.label(), field.labelJa(), field.key(), AccountQuery.CUSTOM_PREFIX + field.key())
						.filter(java.util.Objects::nonNull)
						.toList()));
		}
		return fields;
	}

	/** A row that passed: its details and the stored account it matches (null: a new one). */
	record Planned(ImportRow row, AccountDetails details, AccountId match) {
	}

	@Override
	public ImportResult apply(List<Planned> planned, IntConsumer progress) {
		Map<AccountId, Account> existing = store.load(planned.stream().map(Planned::match)
			.filter(java.util.Objects::nonNull)
			.toList());
		Instant now = clock.instant();
		UserId by = CurrentUser.id().orElse(null);
		List<Account> created = new ArrayList<>();
		List<Account> updated = new ArrayList<>();
		List<AccountChanged> changes = new ArrayList<>();
		Map<AccountId, List<AccountHistoryEntry.Change>> fieldChanges = new HashMap<>();
		int unchanged = 0;
		for (Planned p : planned) {
			if (p.match() == null) {
				Account account = new Account(AccountId.random(), p.details(), now, now, 1, null);
				created.add(account);
				changes.add(new AccountChanged(account.id(), p.details().name(), AccountChanged.Kind.CREATED, List.of(),
						by, now));
				continue;
			}
			Account current = existing.get(p.match());
			AccountDetails merged = merge(current.details(), p.details(), p.row());
			if (current.details().equals(merged)) {
				unchanged++;
				continue;
			}
			Account edited = current.edited(merged, now);
			updated.add(edited);
			List<AccountHistoryEntry.Change> diff = AccountHistory.diff(current.details(), merged,
					directory.names(java.util.stream.Stream.of(current.details().ownerCsm(), merged.ownerCsm())
						.filter(java.util.Objects::nonNull)
						.toList()));
			fieldChanges.put(edited.id(), diff);
			changes.add(new AccountChanged(edited.id(), merged.name(), AccountChanged.Kind.UPDATED,
					diff.stream().map(AccountHistoryEntry.Change::field).toList(), by, now));
		}
		store.write(created, updated, fieldChanges, by, now, done -> {
			if (done % PROGRESS_EVERY == 0 || done == created.size() + updated.size()) {
				progress.accept(done + planned.size() - created.size() - updated.size());
			}
		});
		progress.accept(planned.size());
		events.publishEvent(new AccountsImported(changes));
		return new ImportResult(created.size(), updated.size(), unchanged);
	}

	/**
	 * Reads every row, finds the account it matches and refuses what cannot be: unreadable values, a
	 * key used twice in the file, a domain or CRM id that belongs to a different account.
	 */
	@Override
	public ImportPlan<Planned> plan(List<ImportRow> rows) {
		List<RowProblem> problems = new ArrayList<>();
		AccountImportRows reader = new AccountImportRows(directory, messages, customFields.all());
		AccountImportStore.Keys keys = store.keys();
		Map<String, Long> seenInFile = new HashMap<>();
		List<Planned> planned = new ArrayList<>();
		for (ImportRow row : rows) {
			AccountImportRows.Read read = reader.read(row);
			if (read.details() == null) {
				problems.addAll(read.problems());
				continue;
			}
			AccountDetails d = read.details();
			List<RowProblem> rowProblems = new ArrayList<>();
			for (String key : fileKeys(d)) {
				Long first = seenInFile.putIfAbsent(key, row.line());
				if (first != null) {
					rowProblems.add(AccountImportRows.problem(row, "import.duplicateInFile", key.substring(key.indexOf(':') + 1),
							first));
				}
			}
			AccountId match = d.salesforceId() != null ? keys.salesforce().get(d.salesforceId()) : null;
			if (match == null && d.hubspotId() != null) {
				match = keys.hubspot().get(d.hubspotId());
			}
			if (match == null) {
				match = d.domains().stream().map(keys.domains()::get).filter(java.util.Objects::nonNull).findFirst().orElse(null);
			}
			for (String domain : d.domains()) {
				AccountId owner = keys.domains().get(domain);
				if (owner != null && !owner.equals(match)) {
					rowProblems.add(AccountImportRows.problem(row, "account.domain.taken", domain));
				}
			}
			checkCrmId(row, d.salesforceId(), keys.salesforce(), match, rowProblems);
			checkCrmId(row, d.hubspotId(), keys.hubspot(), match, rowProblems);
			if (rowProblems.isEmpty()) {
				planned.add(new Planned(row, d, match));
			}
			problems.addAll(rowProblems);
		}
		return new ImportPlan<>(planned, problems);
	}

	/**
	 * An import changes only the columns it maps: an export without a plan column keeps every account's
	 * plan. Domains add up, since a CRM export usually names one website of several.
	 */
	static AccountDetails merge(AccountDetails current, AccountDetails row, ImportRow values) {
		java.util.Set<String> mapped = values.values().keySet();
		java.util.Set<String> domains = new java.util.TreeSet<>(current.domains());
		domains.addAll(row.domains());
		return new AccountDetails(mapped.contains("name") ? row.name() : current.name(), List.copyOf(domains),
				mapped.contains("industry") ? row.industry() : current.industry(),
				mapped.contains("employeeCount") ? row.employeeCount() : current.employeeCount(),
				mapped.contains("country") ? row.country() : current.country(),
				mapped.contains("plan") ? row.plan() : current.plan(),
				values.get("stage") != null ? row.stage() : current.stage(),
				mapped.contains("ownerCsm") ? row.ownerCsm() : current.ownerCsm(), current.accountExecutive(),
				row.salesforceId() != null ? row.salesforceId() : current.salesforceId(),
				row.hubspotId() != null ? row.hubspotId() : current.hubspotId(), mergeCustom(current, row, mapped));
	}

	private static java.util.Map<String, String> mergeCustom(AccountDetails current, AccountDetails row,
			java.util.Set<String> mapped) {
		java.util.Map<String, String> custom = new java.util.TreeMap<>(current.custom());
		for (String field : mapped) {
			if (field.startsWith(AccountQuery.CUSTOM_PREFIX)) {
				String key = field.substring(AccountQuery.CUSTOM_PREFIX.length());
				if (row.custom().containsKey(key)) {
					custom.put(key, row.custom().get(key));
				}
				else {
					custom.remove(key);
				}
			}
		}
		return custom;
	}

	private static void checkCrmId(ImportRow row, String id, Map<String, AccountId> stored, AccountId match,
			List<RowProblem> problems) {
		AccountId owner = id == null ? null : stored.get(id);
		if (owner != null && !owner.equals(match)) {
			problems.add(AccountImportRows.problem(row, "account.externalId.taken", id));
		}
	}

	private static List<String> fileKeys(AccountDetails d) {
		List<String> keys = new ArrayList<>();
		if (d.salesforceId() != null) {
			keys.add("sf:" + d.salesforceId());
		}
		if (d.hubspotId() != null) {
			keys.add("hs:" + d.hubspotId());
		}
		d.domains().forEach(domain -> keys.add("d:" + domain));
		return keys;
	}
}
