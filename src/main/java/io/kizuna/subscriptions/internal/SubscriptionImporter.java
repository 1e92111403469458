package io.kizuna.subscriptions.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntConsumer;

import io.kizuna.accounts.AccountId;
import io.kizuna.accounts.AccountRecords;
import io.kizuna.accounts.AccountRevenue;
import io.kizuna.identity.CurrentUser;
import io.kizuna.identity.UserId;
import io.kizuna.imports.ImportField;
import io.kizuna.imports.ImportPlan;
import io.kizuna.imports.ImportResult;
import io.kizuna.imports.ImportRow;
import io.kizuna.imports.Importer;
import io.kizuna.imports.RowProblem;
import io.kizuna.shared.Money;
import io.kizuna.subscriptions.CurrencyRates;
import io.kizuna.subscriptions.SubscriptionChanged.Kind;
import io.kizuna.subscriptions.SubscriptionId;
import io.kizuna.subscriptions.SubscriptionsImported;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Imports subscriptions from CSV, each row naming its account by Salesforce id, HubSpot id or domain
 * and keyed by its billing-system id: a new id adds a subscription, a known one changes it (kept in
 * the history like any change), the same terms again change nothing. Lookups, writes and the accounts'
 * MRR go in batches.
 */
@Component
class SubscriptionImporter implements Importer<SubscriptionImporter.Planned> {

	private final Subscriptions subscriptions;

	private final AccountRecords accounts;

	private final CurrencyRates rates;

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SubscriptionImporter(Subscriptions subscriptions, AccountRecords accounts, CurrencyRates rates, JdbcTemplate jdbc,
			ApplicationEventPublisher events, Clock clock) {
		this.subscriptions = subscriptions;
		this.accounts = accounts;
		this.rates = rates;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public String kind() {
		return "subscriptions";
	}

	@Override
	public String labelKey() {
		return "subscription.title";
	}

	@Override
	public List<ImportField> fields() {
		return SubscriptionImportRows.FIELDS;
	}

	/** A row that passed: its account, its terms and the subscription it updates (null: a new one). */
	record Planned(ImportRow row, AccountId account, SubscriptionTerms terms, Subscription existing) {
	}

	@Override
	public ImportResult apply(List<Planned> planned, IntConsumer progress) {
		Instant now = clock.instant();
		LocalDate today = LocalDate.now(clock);
		UserId by = CurrentUser.id().orElse(null);
		List<Subscription> created = new ArrayList<>();
		List<SubscriptionHistory.Change> changes = new ArrayList<>();
		int updated = 0;
		int unchanged = 0;
		int done = 0;
		for (Planned p : planned) {
			if (p.existing() == null) {
				Subscription s = new Subscription(SubscriptionId.random(), p.account(), p.terms(), now, now, 1);
				created.add(s);
				changes.add(new SubscriptionHistory.Change(s.id(), s.accountId(), Kind.CREATED, p.terms().startDate(), now,
						by, List.of(), p.terms(), Money.zero(p.terms().currency()), p.terms().mrr()));
			}
			else {
				List<String> fields = p.terms().changedFrom(p.existing().terms());
				if (fields.isEmpty()) {
					unchanged++;
				}
				else {
					Subscription changed = p.existing().changed(p.terms(), now);
					if (!subscriptions.update(changed, p.existing().version())) {
						throw new IllegalStateException("subscription " + changed.id() + " changed during the import");
					}
					changes.add(new SubscriptionHistory.Change(changed.id(), changed.accountId(), Kind.CHANGED, today, now,
							by, fields, p.terms(), p.existing().terms().mrr(), p.terms().mrr()));
					updated++;
				}
			}
			if (++done % 1000 == 0) {
				progress.accept(done);
			}
		}
		Subscriptions.insertAll(jdbc, created);
		SubscriptionHistory.recordAll(jdbc, changes);
		Set<AccountId> touched = new HashSet<>();
		changes.forEach(c -> touched.add(c.account()));
		Map<AccountId, List<SubscriptionTerms>> byAccount = new HashMap<>();
		subscriptions.ofAccounts(List.copyOf(touched))
			.forEach(s -> byAccount.computeIfAbsent(s.accountId(), k -> new ArrayList<>()).add(s.terms()));
		Map<AccountId, AccountRevenue> revenue = new HashMap<>();
		byAccount.forEach((account, terms) -> revenue.put(account, AccountRevenues.of(terms, rates)));
		accounts.recordRevenue(revenue);
		progress.accept(planned.size());
		events.publishEvent(new SubscriptionsImported(changes.stream().map(SubscriptionHistory.Change::event).toList()));
		return new ImportResult(created.size(), updated, unchanged);
	}

	@Override
	public ImportPlan<Planned> plan(List<ImportRow> rows) {
		List<RowProblem> problems = new ArrayList<>();
		SubscriptionImportRows reader = new SubscriptionImportRows(rates);
		List<SubscriptionImportRows.Read> reads = rows.stream().map(reader::read).toList();
		Map<String, AccountId> accountsByKey = accounts
			.resolve(reads.stream().map(SubscriptionImportRows.Read::accountKey).filter(Objects::nonNull).toList());
		Map<String, Subscription> existing = new HashMap<>();
		subscriptions.withExternalIds(reads.stream()
			.map(r -> r.terms() == null ? null : r.terms().externalId())
			.filter(Objects::nonNull)
			.toList()).forEach(s -> existing.put(s.terms().externalId(), s));
		Map<AccountId, Currency> currencies = new HashMap<>();
		subscriptions.ofAccounts(List.copyOf(new HashSet<>(accountsByKey.values())))
			.forEach(s -> currencies.putIfAbsent(s.accountId(), s.terms().currency()));
		Map<String, Long> seen = new HashMap<>();
		List<Planned> planned = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			ImportRow row = rows.get(i);
			SubscriptionImportRows.Read read = reads.get(i);
			if (read.terms() == null) {
				problems.addAll(read.problems());
				continue;
			}
			List<RowProblem> rowProblems = new ArrayList<>();
			SubscriptionTerms terms = read.terms();
			Long first = seen.putIfAbsent(terms.externalId(), row.line());
			if (first != null) {
				rowProblems.add(new RowProblem(row.line(), "import.duplicateInFile", terms.externalId(), first));
			}
			AccountId account = accountsByKey.get(read.accountKey());
			Subscription current = existing.get(terms.externalId());
			if (account == null) {
				rowProblems.add(new RowProblem(row.line(), "import.subscription.accountUnknown", read.accountKey()));
			}
			else if (current != null && !current.accountId().equals(account)) {
				rowProblems.add(new RowProblem(row.line(), "subscription.externalId.otherAccount", terms.externalId()));
			}
			else {
				Currency accountCurrency = currencies.putIfAbsent(account, terms.currency());
				if (accountCurrency != null && !accountCurrency.equals(terms.currency())) {
					rowProblems.add(new RowProblem(row.line(), "subscription.currency.account",
							accountCurrency.getCurrencyCode()));
				}
			}
			if (rowProblems.isEmpty()) {
				planned.add(new Planned(row, account, terms, current));
			}
			problems.addAll(rowProblems);
		}
		return new ImportPlan<>(planned, problems);
	}
}
