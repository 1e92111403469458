package io.kizuna.surveys.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.kizuna.accounts.DemoAccountsCreated;
import io.kizuna.accounts.DemoAccountsCreated.DemoAccount;
import io.kizuna.accounts.LifecycleStage;
import io.kizuna.surveys.SurveyAnswerId;
import io.kizuna.surveys.SurveyAnswered;
import io.kizuna.surveys.SurveyAnswersImported;
import io.kizuna.surveys.SurveyKind;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Survey answers for the demo company, following its story: customers who grow recommend Kizuna,
 * customers on their way out stop doing so, about twice a year an NPS survey and now and then a CSAT
 * answer after a support case. Seeded by the demo's seed and the account's number, so the same company
 * always answers the same.
 */
@Component
class DemoSurveys {

	private static final Duration HALF_YEAR = Duration.ofDays(182);

	private final SurveyAnswerStore store;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	DemoSurveys(SurveyAnswerStore store, TransactionTemplate transactions, ApplicationEventPublisher events) {
		this.store = store;
		this.transactions = transactions;
		this.events = events;
	}

	@EventListener
	void on(DemoAccountsCreated created) {
		List<SurveyAnswer> answers = new ArrayList<>();
		for (DemoAccount account : created.accounts()) {
			answers.addAll(story(account, new Random(created.seed() * 104_729L + account.index()), created.now()));
		}
		transactions.executeWithoutResult(status -> {
			store.insertAll(answers);
			events.publishEvent(new SurveyAnswersImported(
					answers.stream().map(a -> a.told(SurveyAnswered.Action.RECORDED)).toList()));
		});
	}

	private static List<SurveyAnswer> story(DemoAccount account, Random random, Instant now) {
		List<SurveyAnswer> answers = new ArrayList<>();
		// Half a year after the start and then every half year, about four in five customers answer.
		for (Instant at = account.createdAt().plus(HALF_YEAR); at.isBefore(now); at = at.plus(HALF_YEAR)) {
			if (random.nextInt(100) < 80) {
				Instant answeredAt = at.plus(Duration.ofHours(random.nextInt(24 * 20)));
				if (answeredAt.isBefore(now)) {
					answers.add(answer(account, SurveyKind.NPS, nps(account.stage(), random), answeredAt, now));
				}
			}
		}
		int supportCases = random.nextInt(4);
		long lifetime = Duration.between(account.createdAt(), now).toHours();
		for (int i = 0; i < supportCases && lifetime > 24; i++) {
			Instant answeredAt = account.createdAt().plus(Duration.ofHours(random.nextLong(lifetime)));
			answers.add(answer(account, SurveyKind.CSAT, csat(account.stage(), random), answeredAt, now));
		}
		return answers;
	}

	private static int nps(LifecycleStage stage, Random random) {
		int roll = random.nextInt(100);
		return switch (stage) {
			case EXPANSION -> roll < 70 ? 9 + random.nextInt(2) : roll < 95 ? 7 + random.nextInt(2) : 5 + random.nextInt(2);
			case ADOPTION, RENEWAL -> roll < 45 ? 9 + random.nextInt(2) : roll < 80 ? 7 + random.nextInt(2) : 3 + random.nextInt(4);
			case ONBOARDING -> roll < 35 ? 9 + random.nextInt(2) : roll < 75 ? 7 + random.nextInt(2) : 4 + random.nextInt(3);
			case CHURNED -> roll < 10 ? 9 : roll < 30 ? 7 + random.nextInt(2) : random.nextInt(7);
		};
	}

	private static int csat(LifecycleStage stage, Random random) {
		int roll = random.nextInt(100);
		int satisfied = stage == LifecycleStage.CHURNED ? 45 : stage == LifecycleStage.EXPANSION ? 92 : 82;
		return roll < satisfied ? 4 + random.nextInt(2) : 1 + random.nextInt(3);
	}

	private static SurveyAnswer answer(DemoAccount account, SurveyKind kind, int score, Instant answeredAt, Instant now) {
		return new SurveyAnswer(SurveyAnswerId.random(), account.id(), null, kind, score, null, answeredAt, null, now);
	}
}
