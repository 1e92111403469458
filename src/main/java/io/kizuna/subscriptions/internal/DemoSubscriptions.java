package io.kizuna.subscriptions.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.kizuna.accounts.AccountId;
import io.kizuna.accounts.AccountRecords;
import io.kizuna.accounts.AccountRevenue;
import io.kizuna.accounts.DemoAccountsCreated;
import io.kizuna.accounts.DemoAccountsCreated.DemoAccount;
import io.kizuna.accounts.LifecycleStage;
import io.kizuna.shared.Money;
import io.kizuna.subscriptions.BillingPeriod;
import io.kizuna.subscriptions.CurrencyRates;
import io.kizuna.subscriptions.SubscriptionChanged.Kind;
import io.kizuna.subscriptions.SubscriptionId;
import io.kizuna.subscriptions.SubscriptionStatus;
import io.kizuna.subscriptions.SubscriptionsImported;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo company's contracts: up to three years of subscriptions per account that follow its
 * lifecycle stage. New business at sign-up (sometimes after a trial), seat expansions (often for
 * expanding customers) and contractions at renewals, an add-on product for some (cross-sell),
 * cancellation for churned customers, and a few customers who leave and come back (reactivation).
 * Each account draws from its own seeded random numbers, so a seed always gives the same history.
 */
@Component
class DemoSubscriptions {

	private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	private static final List<String> REASONS = List.of("予算削減", "Budget cuts", "競合製品へ移行", "Moved to a competitor",
			"利用定着せず", "Low adoption", "事業縮小", "Company downsized");

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final AccountRecords accounts;

	private final CurrencyRates rates;

	private final ApplicationEventPublisher events;

	DemoSubscriptions(JdbcTemplate jdbc, TransactionTemplate transactions, AccountRecords accounts, CurrencyRates rates,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.accounts = accounts;
		this.rates = rates;
		this.events = events;
	}

	/** One account's story: its subscriptions as they are today and every change on the way. */
	private record Story(List<Subscription> subscriptions, List<SubscriptionHistory.Change> changes) {
	}

	@EventListener
	void on(DemoAccountsCreated created) {
		LocalDate today = LocalDate.ofInstant(created.now(), TOKYO);
		List<Subscription> subscriptions = new ArrayList<>();
		List<SubscriptionHistory.Change> changes = new ArrayList<>();
		Map<AccountId, AccountRevenue> revenue = new HashMap<>();
		for (DemoAccount account : created.accounts()) {
			Story story = story(account, new Random(created.seed() * 1_000_003L + account.index()), today,
					created.now());
			subscriptions.addAll(story.subscriptions());
			changes.addAll(story.changes());
			revenue.put(account.id(),
					AccountRevenues.of(story.subscriptions().stream().map(Subscription::terms).toList(), rates));
		}
		transactions.executeWithoutResult(status -> {
			Subscriptions.insertAll(jdbc, subscriptions);
			SubscriptionHistory.recordAll(jdbc, changes);
			accounts.recordRevenue(revenue);
			events.publishEvent(new SubscriptionsImported(changes.stream().map(SubscriptionHistory.Change::event).toList()));
		});
	}

	private Story story(DemoAccount account, Random random, LocalDate today, Instant now) {
		List<Subscription> subscriptions = new ArrayList<>();
		List<SubscriptionHistory.Change> changes = new ArrayList<>();
		LocalDate start = LocalDate.ofInstant(account.createdAt(), TOKYO);
		Currency currency = currency(account.country());
		boolean churned = account.stage() == LifecycleStage.CHURNED;
		// A few loyal customers once left and came back: their first contract ended, a second one runs now.
		boolean returning = !churned && start.isBefore(today.minusMonths(18)) && random.nextInt(100) < 5;
		LocalDate firstEnd = churned ? between(random, start.plusMonths(6), today.minusDays(20))
				: returning ? between(random, start.plusMonths(6), today.minusMonths(8)) : null;
		Subscription main = contract(account, random, "Kizuna Cloud", account.plan(), seats(account, random), currency,
				start, firstEnd, today, now, changes);
		subscriptions.add(main);
		if (returning) {
			LocalDate back = between(random, firstEnd.plusMonths(2), today.minusMonths(1));
			subscriptions.add(contract(account, random, "Kizuna Cloud", account.plan(), seats(account, random), currency,
					back, null, today, now, changes));
		}
		// Cross-sell: an add-on some time after the start, for customers that stayed.
		if (!churned && start.isBefore(today.minusMonths(6)) && random.nextInt(100) < 15) {
			LocalDate addOn = between(random, start.plusMonths(4), today.minusDays(10));
			subscriptions.add(contract(account, random, "Kizuna Guides", "Add-on", Math.max(1, main.terms().quantity() / 2),
					currency, addOn, null, today, now, changes));
		}
		return new Story(subscriptions, changes);
	}

	/**
	 * One contract from its start until today (or until it was cancelled on {@code cancelOn}), with a
	 * chance of more or fewer seats at each renewal.
	 */
	private Subscription contract(DemoAccount account, Random random, String product, String plan, int seats,
			Currency currency, LocalDate start, LocalDate cancelOn, LocalDate today, Instant now,
			List<SubscriptionHistory.Change> changes) {
		BillingPeriod period = period(account, random);
		int termMonths = period == BillingPeriod.MULTI_YEAR ? 36 : 0;
		BigDecimal discount = period == BillingPeriod.MONTHLY ? BigDecimal.ZERO
				: BigDecimal.valueOf(random.nextInt(4) * 5L);
		BigDecimal monthly = monthlyPrice(product, plan, currency);
		SubscriptionTerms terms = new SubscriptionTerms(product, plan, seats,
				monthly.multiply(BigDecimal.valueOf(period.months(termMonths))), currency, period, termMonths, discount,
				start, null, true, SubscriptionStatus.ACTIVE, null, null, null);
		SubscriptionId id = SubscriptionId.random();
		// Small customers often try first: a trial of two to four weeks before paying.
		boolean trial = account.employees() != null && account.employees() < 200 && random.nextInt(100) < 40;
		LocalDate paidFrom = trial ? start.plusDays(14 + random.nextInt(15)) : start;
		if (trial) {
			SubscriptionTerms trialTerms = terms.withStatus(SubscriptionStatus.TRIAL, null, null).withEndDate(paidFrom);
			changes.add(change(id, account, Kind.CREATED, start, trialTerms, List.of(), null));
			if (!paidFrom.isBefore(today)) {
				return new Subscription(id, account.id(), trialTerms, now, now, 1);
			}
			terms = terms.withEndDate(paidFrom.plusMonths(terms.months()));
			changes.add(change(id, account, Kind.CHANGED, paidFrom, terms, List.of("status", "endDate"), trialTerms));
		}
		else {
			terms = terms.withEndDate(paidFrom.plusMonths(terms.months()));
			changes.add(change(id, account, Kind.CREATED, start, terms, List.of(), null));
		}
		int version = 2;
		int expandChance = switch (account.stage()) {
			case EXPANSION -> 45;
			case ADOPTION, RENEWAL -> 15;
			case ONBOARDING -> 5;
			case CHURNED -> 3;
		};
		int contractChance = account.stage() == LifecycleStage.CHURNED || account.stage() == LifecycleStage.RENEWAL ? 15 : 5;
		// Seat changes happen at renewals, and for monthly contracts at most once a quarter.
		int step = Math.max(3, terms.months());
		LocalDate renewal = paidFrom.plusMonths(step);
		while (!renewal.isAfter(today) && (cancelOn == null || renewal.isBefore(cancelOn))) {
			int roll = random.nextInt(100);
			int seatsNow = terms.quantity();
			int newSeats = roll < expandChance ? seatsNow + Math.max(1, seatsNow * (10 + random.nextInt(40)) / 100)
					: roll >= 100 - contractChance ? Math.max(1, seatsNow - Math.max(1, seatsNow * (10 + random.nextInt(30)) / 100))
							: seatsNow;
			if (newSeats != seatsNow) {
				SubscriptionTerms before = terms;
				terms = terms.withQuantity(newSeats);
				changes.add(change(id, account, Kind.CHANGED, renewal, terms, List.of("quantity"), before));
				version++;
			}
			renewal = renewal.plusMonths(step);
		}
		// The paid period that contains today (or the cancellation) ends on the next renewal date.
		LocalDate end = paidFrom.plusMonths(terms.months());
		LocalDate until = cancelOn == null ? today : cancelOn;
		while (!end.isAfter(until)) {
			end = end.plusMonths(terms.months());
		}
		terms = terms.withEndDate(end);
		if (cancelOn != null) {
			SubscriptionTerms before = terms;
			terms = terms.withStatus(SubscriptionStatus.CANCELLED, cancelOn, REASONS.get(random.nextInt(REASONS.size())));
			changes.add(change(id, account, Kind.CHANGED, cancelOn, terms, List.of("status", "cancelledOn"), before));
			version++;
		}
		return new Subscription(id, account.id(), terms, now, now, version);
	}

	private static SubscriptionHistory.Change change(SubscriptionId id, DemoAccount account, Kind kind,
			LocalDate effective, SubscriptionTerms after, List<String> fields, SubscriptionTerms before) {
		Money none = Money.zero(after.currency());
		return new SubscriptionHistory.Change(id, account.id(), kind, effective,
				effective.atStartOfDay(TOKYO).toInstant(), account.owner(), fields, after,
				before == null ? none : before.mrr(), after.mrr());
	}

	private Currency currency(String country) {
		String code = switch (country == null ? "" : country) {
			case "JP", "KR" -> "JPY";
			case "DE", "FR" -> "EUR";
			default -> "USD";
		};
		Currency currency = Currency.getInstance(code);
		return rates.supports(currency) ? currency : rates.getReportingCurrency();
	}

	private static int seats(DemoAccount account, Random random) {
		int employees = account.employees() == null ? 40 : account.employees();
		return Math.clamp(employees / (6 + random.nextInt(10)), 3, 5000);
	}

	private static BillingPeriod period(DemoAccount account, Random random) {
		int roll = random.nextInt(100);
		return switch (account.plan() == null ? "" : account.plan()) {
			case "Starter" -> roll < 70 ? BillingPeriod.MONTHLY : BillingPeriod.ANNUAL;
			case "Enterprise" -> roll < 20 ? BillingPeriod.MULTI_YEAR : roll < 90 ? BillingPeriod.ANNUAL
					: BillingPeriod.QUARTERLY;
			default -> roll < 25 ? BillingPeriod.MONTHLY : roll < 35 ? BillingPeriod.QUARTERLY : BillingPeriod.ANNUAL;
		};
	}

	/** List prices per seat and month. */
	private static BigDecimal monthlyPrice(String product, String plan, Currency currency) {
		int yen = switch (plan == null ? "" : plan) {
			case "Starter" -> 1500;
			case "Growth" -> 3000;
			case "Business" -> 4500;
			case "Enterprise" -> 6000;
			default -> 800;
		};
		if (product.equals("Kizuna Guides")) {
			yen = 800;
		}
		return switch (currency.getCurrencyCode()) {
			case "JPY" -> BigDecimal.valueOf(yen);
			case "EUR" -> BigDecimal.valueOf(yen / 160L);
			default -> BigDecimal.valueOf(yen / 150L);
		};
	}

	private static LocalDate between(Random random, LocalDate from, LocalDate to) {
		if (!to.isAfter(from)) {
			return from;
		}
		return from.plusDays(random.nextLong(to.toEpochDay() - from.toEpochDay()));
	}
}
