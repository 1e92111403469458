package io.kizuna.accounts.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import io.kizuna.accounts.AccountChanged;
import io.kizuna.accounts.AccountId;
import io.kizuna.identity.CurrentUser;
import io.kizuna.identity.Role;
import io.kizuna.identity.UserDirectory;
import io.kizuna.identity.UserId;
import io.kizuna.shared.BusinessRuleViolation;
import io.kizuna.shared.ConflictException;
import io.kizuna.shared.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds, edits and deletes accounts. A domain and a CRM id each belong to one account only, an
 * owner CSM must be an active person with the CSM role (an account executive: SALES), and an edit
 * based on an outdated version is refused rather than overwriting a colleague's change.
 */
@Service
@Transactional
class AccountCatalog {

	private final Accounts accounts;

	private final UserDirectory directory;

	private final Clock clock;

	private final AccountHistory history;

	private final ApplicationEventPublisher events;

	private final CustomFields customFields;

	private final AccountIndexing indexing;

	AccountCatalog(Accounts accounts, UserDirectory directory, Clock clock, AccountHistory history,
			ApplicationEventPublisher events, CustomFields customFields, AccountIndexing indexing) {
		this.customFields = customFields;
		this.indexing = indexing;
		this.accounts = accounts;
		this.directory = directory;
		this.clock = clock;
		this.history = history;
		this.events = events;
	}

	record Upserted(Account account, boolean created) {
	}

	@Transactional(readOnly = true)
	Account get(AccountId id) {
		return accounts.findById(id).orElseThrow(() -> new NotFoundException("account.notFound", id));
	}

	Account create(AccountDetails details) {
		AccountId id = AccountId.random();
		AccountDetails checked = check(normalize(details), id);
		Instant now = clock.instant();
		Account account = new Account(id, checked, now, now, 1, null);
		accounts.insert(account);
		recorded(account, AccountChanged.Kind.CREATED, List.of(), now);
		return account;
	}

	Account update(AccountId id, AccountDetails details, int expectedVersion) {
		Account current = get(id);
		if (current.version() != expectedVersion) {
			throw new ConflictException("account.changedMeanwhile");
		}
		AccountDetails checked = check(normalize(details), id);
		if (current.details().equals(checked)) {
			return current;
		}
		Account edited = current.edited(checked, clock.instant());
		if (!accounts.update(edited, expectedVersion)) {
			throw new ConflictException("account.changedMeanwhile");
		}
		recorded(edited, AccountChanged.Kind.UPDATED, AccountHistory.diff(current.details(), checked,
				directory.names(owners(current.details(), checked))), edited.updatedAt());
		return edited;
	}

	/** Creates or updates the account with this CRM id; sending the same data again changes nothing. */
	Upserted upsert(ExternalSystem system, String externalId, AccountDetails details) {
		AccountDetails withId = withExternalId(normalize(details), system, externalId);
		var existing = accounts.findByExternalId(system, externalId);
		if (existing.isEmpty()) {
			return new Upserted(create(withId), true);
		}
		Account current = existing.get();
		if (current.details().equals(withId.withCustom(customFields.normalize(withId.custom())))) {
			return new Upserted(current, false);
		}
		return new Upserted(update(current.id(), withId, current.version()), false);
	}

	void delete(AccountId id, UserId by) {
		Account account = get(id);
		Instant now = clock.instant();
		accounts.recordDeletion(account, by, now);
		accounts.delete(id);
		indexing.changed(id);
		events.publishEvent(new AccountChanged(id, account.details().name(), AccountChanged.Kind.DELETED, List.of(), by,
				now));
	}

	/** Writes the audit history and tells other modules (the timeline) what happened. */
	private void recorded(Account account, AccountChanged.Kind kind, List<AccountHistoryEntry.Change> changes,
			Instant at) {
		UserId by = CurrentUser.id().orElse(null);
		indexing.changed(account.id());
		history.record(account.id(), new AccountHistory.ChangeSet(at, by, kind, changes));
		events.publishEvent(new AccountChanged(account.id(), account.details().name(), kind,
				changes.stream().map(AccountHistoryEntry.Change::field).toList(), by, at));
	}

	private static List<UserId> owners(AccountDetails before, AccountDetails after) {
		return java.util.stream.Stream.of(before.ownerCsm(), before.accountExecutive(), after.ownerCsm(),
				after.accountExecutive()).filter(java.util.Objects::nonNull).toList();
	}

	private AccountDetails check(AccountDetails unchecked, AccountId self) {
		AccountDetails details = unchecked.withCustom(customFields.normalize(unchecked.custom()));
		accounts.domainTakenElsewhere(details.domains(), self).ifPresent(domain -> {
			throw new ConflictException("account.domain.taken", domain);
		});
		for (ExternalSystem system : ExternalSystem.values()) {
			String externalId = system == ExternalSystem.SALESFORCE ? details.salesforceId() : details.hubspotId();
			accounts.externalIdTakenElsewhere(system, externalId, self).ifPresent(other -> {
				throw new ConflictException("account.externalId.taken", externalId);
			});
		}
		requireHolder(details.ownerCsm(), Role.CSM, "account.ownerCsm.invalid");
		requireHolder(details.accountExecutive(), Role.SALES, "account.accountExecutive.invalid");
		return details;
	}

	private void requireHolder(UserId person, Role role, String messageKey) {
		if (person != null && directory.activeWithRole(role).stream().noneMatch(m -> m.id().equals(person))) {
			throw new BusinessRuleViolation(messageKey);
		}
	}

	/** Domains are compared without case, scheme or "www.", listed once and in order (as stored). */
	static AccountDetails normalize(AccountDetails d) {
		LinkedHashSet<String> domains = new LinkedHashSet<>();
		for (String domain : d.domains()) {
			String clean = domain.trim().toLowerCase(Locale.ROOT).replaceFirst("^https?://", "").replaceFirst("^www\\.", "")
				.replaceFirst("/.*$", "");
			if (!clean.isEmpty()) {
				domains.add(clean);
			}
		}
		return new AccountDetails(d.name().trim(), domains.stream().sorted().toList(), blankToNull(d.industry()), d.employeeCount(),
				blankToNull(d.country()), blankToNull(d.plan()), d.stage(), d.ownerCsm(), d.accountExecutive(),
				blankToNull(d.salesforceId()), blankToNull(d.hubspotId()), d.custom());
	}

	private static AccountDetails withExternalId(AccountDetails d, ExternalSystem system, String externalId) {
		return new AccountDetails(d.name(), d.domains(), d.industry(), d.employeeCount(), d.country(), d.plan(),
				d.stage(), d.ownerCsm(), d.accountExecutive(),
				system == ExternalSystem.SALESFORCE ? externalId : d.salesforceId(),
				system == ExternalSystem.HUBSPOT ? externalId : d.hubspotId(), d.custom());
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}
}
