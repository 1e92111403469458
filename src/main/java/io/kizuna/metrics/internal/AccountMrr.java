package io.kizuna.metrics.internal;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.kizuna.shared.Money;
import io.kizuna.subscriptions.CurrencyRates;
import io.kizuna.subscriptions.SubscriptionChanged;
import io.kizuna.subscriptions.SubscriptionHistories.RecordedChange;
import io.kizuna.subscriptions.SubscriptionId;
import io.kizuna.subscriptions.SubscriptionStatus;

/**
 * One account's MRR over time, in the reporting currency, as the days on which it changed and how each
 * change counts. Amounts are whole ten-thousandths of the reporting currency in {@code long}s, so that
 * sums over 100,000 accounts are exact and fast.
 *
 * <p>Built from the subscriptions' recorded history: a change sets its subscription's MRR from its
 * effective date on, replacing whatever earlier records said about later dates (a back-dated correction
 * wins). Changes of several subscriptions on the same day are netted, so moving a customer from one
 * plan to another on one day is an expansion or contraction, not churn plus new business.
 */
final class AccountMrr {

	static final AccountMrr NONE = new AccountMrr(new int[0], new int[0], new long[0], new long[0], new Movement[0],
			new boolean[0]);

	/** Day (epoch day) and month (year × 12 + month − 1) of each change. */
	final int[] days;

	final int[] months;

	/** MRR after each change, and by how much it moved (always positive; {@link Movement#sign()} says which way). */
	final long[] mrrAfter;

	final long[] amounts;

	final Movement[] movements;

	/** Whether an expansion came from a product the account did not have (cross-sell) rather than more of one (upsell). */
	final boolean[] crossSell;

	private AccountMrr(int[] days, int[] months, long[] mrrAfter, long[] amounts, Movement[] movements,
			boolean[] crossSell) {
		this.days = days;
		this.months = months;
		this.mrrAfter = mrrAfter;
		this.amounts = amounts;
		this.movements = movements;
		this.crossSell = crossSell;
	}

	int size() {
		return days.length;
	}

	static int month(LocalDate date) {
		return date.getYear() * 12 + date.getMonthValue() - 1;
	}

	/** MRR at the end of a month (absolute month number). */
	long mrrAtEndOf(int month) {
		long mrr = 0;
		for (int i = 0; i < months.length && months[i] <= month; i++) {
			mrr = mrrAfter[i];
		}
		return mrr;
	}

	/** The month of the first paid day, or -1 for an account that never paid. */
	int firstPaidMonth() {
		return months.length == 0 ? -1 : months[0];
	}

	/** Ten-thousandths of the reporting currency. */
	static long units(Money money, CurrencyRates rates) {
		return rates.toReporting(money).amount().setScale(4, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
	}

	static AccountMrr of(List<RecordedChange> changes, MetricsSettings settings, CurrencyRates rates) {
		Map<SubscriptionId, List<RecordedChange>> bySubscription = new LinkedHashMap<>();
		for (RecordedChange change : changes) {
			bySubscription.computeIfAbsent(change.subscription(), id -> new ArrayList<>()).add(change);
		}
		// Per day, the subscriptions whose MRR changes that day and to what (with their product).
		TreeMap<Integer, Map<SubscriptionId, Step>> byDay = new TreeMap<>();
		for (var subscription : bySubscription.entrySet()) {
			List<RecordedChange> history = subscription.getValue();
			if (history.stream().anyMatch(c -> c.kind() == SubscriptionChanged.Kind.DELETED)) {
				continue; // entered by mistake: it never counted
			}
			TreeMap<Integer, Step> steps = new TreeMap<>();
			for (RecordedChange change : history) {
				int day = (int) effectiveDay(change, settings.churnAt()).toEpochDay();
				steps.tailMap(day, true).clear();
				steps.put(day, new Step(units(change.mrrAfter(), rates), change.product()));
			}
			steps.forEach((day, step) -> byDay.computeIfAbsent(day, d -> new HashMap<>())
				.put(subscription.getKey(), step));
		}
		return sweep(byDay, settings);
	}

	private record Step(long mrr, String product) {
	}

	/** When a change takes effect for revenue; a cancellation may run on until the paid period ends. */
	private static LocalDate effectiveDay(RecordedChange change, MetricsSettings.ChurnAt churnAt) {
		if (change.status() != SubscriptionStatus.CANCELLED) {
			return change.effectiveDate();
		}
		if (churnAt == MetricsSettings.ChurnAt.PERIOD_END) {
			return change.endDate() != null && change.endDate().isAfter(change.effectiveDate()) ? change.endDate()
					: change.effectiveDate();
		}
		return change.cancelledOn() != null ? change.cancelledOn() : change.effectiveDate();
	}

	private static AccountMrr sweep(TreeMap<Integer, Map<SubscriptionId, Step>> byDay, MetricsSettings settings) {
		Map<SubscriptionId, Step> current = new HashMap<>();
		List<long[]> out = new ArrayList<>(); // day, mrrAfter, amount, movement ordinal, crossSell
		long mrr = 0;
		LocalDate churnedOn = null;
		boolean paidBefore = false;
		for (var day : byDay.entrySet()) {
			Set<String> productsBefore = products(current);
			current.putAll(day.getValue());
			long after = current.values().stream().mapToLong(Step::mrr).sum();
			if (after == mrr) {
				continue;
			}
			LocalDate date = LocalDate.ofEpochDay(day.getKey());
			Movement movement;
			boolean crossSell = false;
			if (mrr == 0) {
				movement = paidBefore && withinReactivationWindow(churnedOn, date, settings) ? Movement.REACTIVATION
						: Movement.NEW;
			}
			else if (after == 0) {
				movement = Movement.CHURN;
				churnedOn = date;
			}
			else if (after > mrr) {
				movement = Movement.EXPANSION;
				crossSell = !productsBefore.containsAll(products(current));
			}
			else {
				movement = Movement.CONTRACTION;
			}
			out.add(new long[] { day.getKey(), after, Math.abs(after - mrr), movement.ordinal(), crossSell ? 1 : 0 });
			paidBefore = true;
			mrr = after;
		}
		int n = out.size();
		int[] days = new int[n];
		int[] months = new int[n];
		long[] mrrAfter = new long[n];
		long[] amounts = new long[n];
		Movement[] movements = new Movement[n];
		boolean[] crossSell = new boolean[n];
		for (int i = 0; i < n; i++) {
			long[] row = out.get(i);
			days[i] = (int) row[0];
			months[i] = month(LocalDate.ofEpochDay(row[0]));
			mrrAfter[i] = row[1];
			amounts[i] = row[2];
			movements[i] = Movement.values()[(int) row[3]];
			crossSell[i] = row[4] == 1;
		}
		return new AccountMrr(days, months, mrrAfter, amounts, movements, crossSell);
	}

	private static Set<String> products(Map<SubscriptionId, Step> subscriptions) {
		Set<String> products = new HashSet<>();
		subscriptions.values().stream().filter(s -> s.mrr() > 0).forEach(s -> products.add(s.product()));
		return products;
	}

	private static boolean withinReactivationWindow(LocalDate churnedOn, LocalDate back, MetricsSettings settings) {
		return settings.reactivationWindowMonths() == 0 || churnedOn == null
				|| ChronoUnit.MONTHS.between(churnedOn, back) <= settings.reactivationWindowMonths();
	}
}
