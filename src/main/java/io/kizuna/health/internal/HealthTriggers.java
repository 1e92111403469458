package io.kizuna.health.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.kizuna.accounts.AccountChanged;
import io.kizuna.accounts.AccountsImported;
import io.kizuna.subscriptions.SubscriptionChanged;
import io.kizuna.subscriptions.SubscriptionsImported;
import io.kizuna.surveys.SurveyAnswered;
import io.kizuna.surveys.SurveyAnswersImported;
import io.kizuna.usage.UsageRolledUp;

import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When scores move: the accounts named by other modules' events are marked dirty and rescored on the next
 * refresh (every {@code kizuna.health.refresh-delay}); everything is read again and rescored at start and
 * nightly, when time-driven measures ("no login for 14 days") and the 30-day windows move on by themselves.
 */
@Component
class HealthTriggers {

	private final HealthEngine engine;

	private final CsmJudgement judgement;

	private final Clock clock;

	private final DemoHealth demo;

	HealthTriggers(HealthEngine engine, CsmJudgement judgement, Clock clock, DemoHealth demo) {
		this.engine = engine;
		this.demo = demo;
		this.judgement = judgement;
		this.clock = clock;
	}

	/** After the demo company (if any) is written: its past first, then every account scored. */
	@EventListener(ApplicationReadyEvent.class)
	void start() {
		Thread.ofVirtual().name("health-start").start(() -> {
			try {
				demo.backfill(engine.today(), clock.instant());
			}
			catch (RuntimeException failed) {
				LoggerFactory.getLogger(HealthTriggers.class).warn("health: demo history not written", failed);
			}
			reload();
		});
	}

	@Scheduled(cron = "${kizuna.health.recompute-cron:0 10 0 * * *}", zone = "${kizuna.default-time-zone:Asia/Tokyo}")
	void nightly() {
		reload();
	}

	private void reload() {
		try {
			engine.reloadAndRecompute();
		}
		catch (RuntimeException failed) {
			LoggerFactory.getLogger(HealthTriggers.class).error("health: scoring every account failed", failed);
		}
	}

	@Scheduled(fixedDelayString = "${kizuna.health.refresh-delay:100ms}")
	void refresh() {
		engine.refreshDirty();
	}

	/** An override that ran out shows the computed score again, in the account table too. */
	@Scheduled(fixedDelayString = "${kizuna.health.override-check:60s}")
	void expireOverrides() {
		List<UUID> ended = judgement.expire(clock.instant());
		engine.markDirty(ended);
	}

	/**
	 * The usage feed commits several times a second under load: marking is all that happens here, right
	 * after its commit and on its thread, and the refresh coalesces the batches.
	 */
	@TransactionalEventListener
	void on(UsageRolledUp rolledUp) {
		engine.markUsageDirty(rolledUp.accounts().stream().map(a -> a.value()).toList());
	}

	@ApplicationModuleListener
	void on(AccountChanged changed) {
		if (changed.kind() == AccountChanged.Kind.DELETED) {
			engine.forget(changed.accountId().value());
		}
		else {
			engine.markDirty(List.of(changed.accountId().value()));
		}
	}

	@ApplicationModuleListener
	void on(AccountsImported imported) {
		engine.markDirty(imported.changes().stream().map(c -> c.accountId().value()).toList());
	}

	@ApplicationModuleListener
	void on(SubscriptionChanged changed) {
		engine.markDirty(List.of(changed.accountId().value()));
	}

	@ApplicationModuleListener
	void on(SubscriptionsImported imported) {
		engine.markDirty(imported.changes().stream().map(c -> c.accountId().value()).toList());
	}

	@ApplicationModuleListener
	void on(SurveyAnswered answered) {
		engine.markDirty(List.of(answered.accountId().value()));
	}

	@ApplicationModuleListener
	void on(SurveyAnswersImported imported) {
		engine.markDirty(imported.answers().stream().map(a -> a.accountId().value()).toList());
	}
}
