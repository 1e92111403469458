package io.kizuna.metrics.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import io.kizuna.accounts.AccountId;
import io.kizuna.shared.Money;
import io.kizuna.subscriptions.CurrencyRates;
import io.kizuna.subscriptions.SubscriptionChanged.Kind;
import io.kizuna.subscriptions.SubscriptionHistories.RecordedChange;
import io.kizuna.subscriptions.SubscriptionId;
import io.kizuna.subscriptions.SubscriptionStatus;

/** Builds one account's subscription history the way the subscriptions module records it. */
class HistoryFixture {

	final AccountId account = new AccountId(UUID.randomUUID());

	final List<RecordedChange> changes = new ArrayList<>();

	private final Currency currency;

	private Instant clock = Instant.parse("2020-01-01T00:00:00Z");

	HistoryFixture(String currency) {
		this.currency = Currency.getInstance(currency);
	}

	static CurrencyRates rates(String reporting, String... codeAndRate) {
		CurrencyRates rates = new CurrencyRates();
		rates.setReportingCurrency(Currency.getInstance(reporting));
		java.util.Map<String, BigDecimal> map = new java.util.HashMap<>();
		for (int i = 0; i < codeAndRate.length; i += 2) {
			map.put(codeAndRate[i], new BigDecimal(codeAndRate[i + 1]));
		}
		rates.setRates(map);
		return rates;
	}

	SubscriptionId start(String product, String on, String mrr) {
		SubscriptionId id = new SubscriptionId(UUID.randomUUID());
		record(id, Kind.CREATED, product, on, SubscriptionStatus.ACTIVE, null, null, mrr);
		return id;
	}

	HistoryFixture change(SubscriptionId id, String product, String on, String mrr) {
		record(id, Kind.CHANGED, product, on, SubscriptionStatus.ACTIVE, null, null, mrr);
		return this;
	}

	HistoryFixture cancel(SubscriptionId id, String product, String on, String paidUntil) {
		record(id, Kind.CHANGED, product, on, SubscriptionStatus.CANCELLED, LocalDate.parse(on),
				paidUntil == null ? null : LocalDate.parse(paidUntil), "0");
		return this;
	}

	HistoryFixture delete(SubscriptionId id, String product, String on) {
		record(id, Kind.DELETED, product, on, SubscriptionStatus.ACTIVE, null, null, "0");
		return this;
	}

	private void record(SubscriptionId id, Kind kind, String product, String on, SubscriptionStatus status,
			LocalDate cancelledOn, LocalDate endDate, String mrr) {
		clock = clock.plusSeconds(60);
		changes.add(new RecordedChange(id, account, kind, LocalDate.parse(on), clock, product, "Plan", 1, status,
				endDate, cancelledOn, new Money(new BigDecimal(mrr), currency)));
	}

	AccountMrr mrr(MetricsSettings settings, CurrencyRates rates) {
		return AccountMrr.of(changes, settings, rates);
	}
}
