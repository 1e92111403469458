package io.kizuna.metrics.internal;

import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import io.kizuna.accounts.AccountId;
import io.kizuna.surveys.SurveyAnswered;
import io.kizuna.surveys.SurveyAnswers;
import io.kizuna.surveys.SurveyAnswersImported;
import io.kizuna.surveys.SurveyKind;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Every account's survey answers as (month, kind, score), in memory, for NPS and CSAT over time; kept
 * current from the surveys' events like {@link MrrLedger}. Months are counted in the company's time
 * zone ({@code kizuna.metrics.time-zone}, Asia/Tokyo unless set), so an answer given late on the last
 * evening of a month in Tokyo counts for that month.
 */
@Component
class SurveyLedger implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(SurveyLedger.class);

	private static final int REBUILD_ABOVE = 5_000;

	/** One account's answers, oldest first: month (year × 12 + month − 1), kind and score. */
	record Answers(int[] months, SurveyKind[] kinds, int[] scores) {
	}

	private final SurveyAnswers answers;

	private final ZoneId zone;

	private final Map<AccountId, Answers> byAccount = new ConcurrentHashMap<>();

	private final AtomicLong version = new AtomicLong();

	SurveyLedger(SurveyAnswers answers, @Value("${kizuna.metrics.time-zone:Asia/Tokyo}") ZoneId zone) {
		this.answers = answers;
		this.zone = zone;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Thread.ofVirtual().name("survey-ledger-build").start(() -> {
			try {
				rebuild();
			}
			catch (RuntimeException failure) {
				log.error("metrics: reading the survey answers failed; NPS and CSAT stay empty", failure);
			}
		});
	}

	long version() {
		return version.get();
	}

	Set<Map.Entry<AccountId, Answers>> entries() {
		return byAccount.entrySet();
	}

	synchronized void rebuild() {
		Map<AccountId, List<SurveyAnswers.Score>> all = new java.util.HashMap<>();
		answers.forEach(score -> all.computeIfAbsent(score.account(), a -> new java.util.ArrayList<>()).add(score));
		byAccount.clear();
		all.forEach((account, scores) -> byAccount.put(account, of(scores)));
		version.incrementAndGet();
	}

	synchronized void refresh(Collection<AccountId> accounts) {
		Map<AccountId, List<SurveyAnswers.Score>> found = answers.ofAccounts(accounts);
		for (AccountId account : accounts) {
			List<SurveyAnswers.Score> scores = found.get(account);
			if (scores == null || scores.isEmpty()) {
				byAccount.remove(account);
			}
			else {
				byAccount.put(account, of(scores));
			}
		}
		version.incrementAndGet();
	}

	private Answers of(List<SurveyAnswers.Score> scores) {
		List<SurveyAnswers.Score> sorted = scores.stream()
			.sorted(java.util.Comparator.comparing(SurveyAnswers.Score::answeredAt))
			.toList();
		int[] months = new int[sorted.size()];
		SurveyKind[] kinds = new SurveyKind[sorted.size()];
		int[] values = new int[sorted.size()];
		for (int i = 0; i < sorted.size(); i++) {
			months[i] = AccountMrr.month(sorted.get(i).answeredAt().atZone(zone).toLocalDate());
			kinds[i] = sorted.get(i).kind();
			values[i] = sorted.get(i).score();
		}
		return new Answers(months, kinds, values);
	}

	@ApplicationModuleListener
	void on(SurveyAnswered event) {
		refresh(List.of(event.accountId()));
	}

	@ApplicationModuleListener
	void on(SurveyAnswersImported event) {
		Set<AccountId> changed = event.answers().stream().map(SurveyAnswered::accountId).collect(Collectors.toSet());
		if (changed.size() > REBUILD_ABOVE) {
			rebuild();
		}
		else {
			refresh(changed);
		}
	}
}
