package io.kizuna.subscriptions.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Moves contracts past their end date along, once at startup and then every hour: an auto-renewing
 * one runs on for another period (recorded as a renewal), any other one expires and stops counting
 * towards MRR. Each subscription is handled in its own transaction, so one failure does not hold up
 * the rest.
 */
@Component
class SubscriptionRenewals {

	private static final Logger log = LoggerFactory.getLogger(SubscriptionRenewals.class);

	private static final int BATCH = 500;

	private final Subscriptions subscriptions;

	private final SubscriptionBook book;

	private final Clock clock;

	SubscriptionRenewals(Subscriptions subscriptions, SubscriptionBook book, Clock clock) {
		this.subscriptions = subscriptions;
		this.book = book;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(10)
	@Scheduled(cron = "${kizuna.subscriptions.renewal-cron:0 5 * * * *}")
	void run() {
		LocalDate today = LocalDate.now(clock);
		int handled = 0;
		List<Subscription> due;
		while (!(due = subscriptions.activeEndedBefore(today, BATCH)).isEmpty()) {
			for (Subscription subscription : due) {
				// A renewal can still end before today after a long downtime; the loop picks it up again.
				book.renewOrExpire(subscription);
				handled++;
			}
		}
		if (handled > 0) {
			log.info("subscriptions: {} renewed or expired", handled);
		}
	}
}
