package io.kizuna.subscriptions.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.kizuna.accounts.AccountId;
import io.kizuna.accounts.AccountRecords;
import io.kizuna.identity.CurrentUser;
import io.kizuna.identity.UserId;
import io.kizuna.shared.BusinessRuleViolation;
import io.kizuna.shared.ConflictException;
import io.kizuna.shared.Money;
import io.kizuna.shared.NotFoundException;
import io.kizuna.subscriptions.CurrencyRates;
import io.kizuna.subscriptions.SubscriptionChanged;
import io.kizuna.subscriptions.SubscriptionChanged.Kind;
import io.kizuna.subscriptions.SubscriptionId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds, changes, renews and deletes subscriptions. Every change is written to the history with the
 * date it takes effect, the account's MRR and next renewal are reported back to the customer record,
 * and a {@link SubscriptionChanged} event tells the rest (the timeline, later metrics). An account bills
 * in one currency, so all its subscriptions share it.
 */
@Service
@Transactional
class SubscriptionBook {

	record Upserted(Subscription subscription, boolean created) {
	}

	private final Subscriptions subscriptions;

	private final SubscriptionHistory history;

	private final AccountRecords accounts;

	private final CurrencyRates rates;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SubscriptionBook(Subscriptions subscriptions, SubscriptionHistory history, AccountRecords accounts,
			CurrencyRates rates, ApplicationEventPublisher events, Clock clock) {
		this.subscriptions = subscriptions;
		this.history = history;
		this.accounts = accounts;
		this.rates = rates;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	Subscription get(SubscriptionId id) {
		return subscriptions.findById(id).orElseThrow(() -> new NotFoundException("subscription.notFound", id));
	}

	/** Adds a subscription; it takes effect on its start date unless told otherwise. */
	Subscription create(AccountId account, SubscriptionTerms terms, LocalDate effective) {
		accounts.require(account);
		check(account, terms, SubscriptionId.random());
		Instant now = clock.instant();
		Subscription created = new Subscription(SubscriptionId.random(), account, terms, now, now, 1);
		subscriptions.insert(created);
		Money none = Money.zero(terms.currency());
		recorded(created, Kind.CREATED, List.of(), effective == null ? terms.startDate() : effective, none);
		return created;
	}

	Subscription update(SubscriptionId id, SubscriptionTerms terms, int expectedVersion, LocalDate effective) {
		Subscription current = get(id);
		if (current.version() != expectedVersion) {
			throw new ConflictException("subscription.changedMeanwhile");
		}
		if (!current.terms().currency().equals(terms.currency())) {
			throw new BusinessRuleViolation("subscription.currency.fixed", current.terms().currency().getCurrencyCode());
		}
		check(current.accountId(), terms, id);
		List<String> fields = terms.changedFrom(current.terms());
		if (fields.isEmpty()) {
			return current;
		}
		Subscription changed = current.changed(terms, clock.instant());
		if (!subscriptions.update(changed, expectedVersion)) {
			throw new ConflictException("subscription.changedMeanwhile");
		}
		recorded(changed, Kind.CHANGED, fields, effective == null ? today() : effective, current.terms().mrr());
		return changed;
	}

	/** Creates or updates the subscription with this external (billing system) id; the same data changes nothing. */
	Upserted upsert(String externalId, AccountId account, SubscriptionTerms terms) {
		var existing = subscriptions.findByExternalId(externalId);
		if (existing.isEmpty()) {
			return new Upserted(create(account, terms, null), true);
		}
		Subscription current = existing.get();
		if (!current.accountId().equals(account)) {
			throw new BusinessRuleViolation("subscription.externalId.otherAccount", externalId);
		}
		return new Upserted(update(current.id(), terms, current.version(), null), false);
	}

	/** An auto-renewing subscription past its end date runs on for another period; any other one expires. */
	Subscription renewOrExpire(Subscription due) {
		SubscriptionTerms next = due.terms().autoRenew() ? due.terms().renewed() : due.terms().expired();
		Subscription changed = due.changed(next, clock.instant());
		if (!subscriptions.update(changed, due.version())) {
			throw new ConflictException("subscription.changedMeanwhile");
		}
		Kind kind = due.terms().autoRenew() ? Kind.RENEWED : Kind.CHANGED;
		recorded(changed, kind, next.changedFrom(due.terms()), due.terms().endDate(), due.terms().mrr());
		return changed;
	}

	/** Removes a subscription entered by mistake; its history stays, marked deleted, so metrics can ignore it. */
	void delete(SubscriptionId id) {
		Subscription current = get(id);
		subscriptions.delete(id);
		recorded(current, Kind.DELETED, List.of(), today(), current.terms().mrr());
	}

	private void check(AccountId account, SubscriptionTerms terms, SubscriptionId self) {
		SubscriptionRules.check(terms, rates);
		if (subscriptions.externalIdTakenElsewhere(terms.externalId(), self)) {
			throw new ConflictException("subscription.externalId.taken", terms.externalId());
		}
		subscriptions.ofAccount(account)
			.stream()
			.filter(other -> !other.id().equals(self))
			.map(other -> other.terms().currency())
			.filter(currency -> !currency.equals(terms.currency()))
			.findFirst()
			.ifPresent(accountCurrency -> {
				throw new BusinessRuleViolation("subscription.currency.account", accountCurrency.getCurrencyCode());
			});
	}

	private void recorded(Subscription s, Kind kind, List<String> fields, LocalDate effective, Money mrrBefore) {
		UserId by = CurrentUser.id().orElse(null);
		Money mrrAfter = kind == Kind.DELETED ? Money.zero(s.terms().currency()) : s.terms().mrr();
		SubscriptionHistory.Change change = new SubscriptionHistory.Change(s.id(), s.accountId(), kind, effective,
				s.updatedAt(), by, fields, s.terms(), mrrBefore, mrrAfter);
		history.record(change);
		reportRevenue(s.accountId());
		events.publishEvent(change.event());
	}

	/** The account's MRR is the sum over its active subscriptions; its renewal is the nearest end date among them. */
	void reportRevenue(AccountId account) {
		accounts.recordRevenue(account, AccountRevenues.of(
				subscriptions.ofAccount(account).stream().map(Subscription::terms).toList(), rates));
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(LocaleContextHolder.getTimeZone().toZoneId()));
	}
}
