package io.kizuna.health.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

import io.kizuna.accounts.AccountId;
import io.kizuna.subscriptions.SubscriptionHistories;
import io.kizuna.surveys.SurveyAnswers;
import io.kizuna.usage.UsageSignals;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Gathers the signals health reads from the modules that own them: usage rollups, subscription history,
 * survey answers, and the CSM's sentiment. Support tickets and in-app guides join here when they arrive.
 */
@Component
class HealthSources {

	private final UsageSignals usage;

	private final SubscriptionHistories subscriptions;

	private final SurveyAnswers surveys;

	private final CsmJudgement judgement;

	private final HealthSettings settings;

	private final ZoneId zone;

	HealthSources(UsageSignals usage, SubscriptionHistories subscriptions, SurveyAnswers surveys, CsmJudgement judgement,
			HealthSettings settings, @Value("${kizuna.default-time-zone:Asia/Tokyo}") ZoneId zone) {
		this.usage = usage;
		this.subscriptions = subscriptions;
		this.surveys = surveys;
		this.judgement = judgement;
		this.settings = settings;
		this.zone = zone;
	}

	/** The signals of a batch of accounts, read fresh (accounts with none are left out). */
	Map<UUID, Signals> of(Collection<AccountId> accounts, LocalDate today) {
		Map<UUID, Signals> found = new HashMap<>();
		usage.of(accounts, today).forEach((id, s) -> found.merge(id.value(), Signals.NONE.withUsage(s),
				(a, b) -> a.withUsage(s)));
		subscriptions.ofAccounts(accounts)
			.forEach((id, changes) -> update(found, id.value(), s -> s.withBilling(BillingSignals.of(changes))));
		Instant since = surveysSince(today);
		surveys.ofAccounts(accounts)
			.forEach((id, answers) -> update(found, id.value(), s -> s.withSurveys(SurveySignals.of(answers, since))));
		judgement.sentiments(accounts.stream().map(AccountId::value).toList())
			.forEach((id, note) -> update(found, id, s -> s.withSentiment(note.sentiment())));
		return found;
	}

	/** Only the usage of a batch of accounts (the usage feed said they moved; nothing else did). */
	Map<UUID, io.kizuna.usage.UsageSignals.Signal> usageOf(Collection<AccountId> accounts, LocalDate today) {
		Map<UUID, io.kizuna.usage.UsageSignals.Signal> found = new HashMap<>();
		usage.of(accounts, today).forEach((id, signal) -> found.put(id.value(), signal));
		return found;
	}

	/** Every account's signals in bulk, each as an update of what the caller holds for the account. */
	void forEach(LocalDate today, BiConsumer<UUID, UnaryOperator<Signals>> updates) {
		usage.forEach(today, s -> updates.accept(s.account().value(), signals -> signals.withUsage(s)));
		subscriptions.forEachAccount(changes -> {
			if (!changes.isEmpty()) {
				Signals.Billing billing = BillingSignals.of(changes);
				updates.accept(changes.getFirst().account().value(), signals -> signals.withBilling(billing));
			}
		});
		Instant since = surveysSince(today);
		Map<UUID, List<SurveyAnswers.Score>> answers = new HashMap<>();
		surveys.forEach(score -> {
			if (!score.answeredAt().isBefore(since)) {
				answers.computeIfAbsent(score.account().value(), k -> new java.util.ArrayList<>()).add(score);
			}
		});
		answers.forEach((id, list) -> {
			Signals.SurveyScores scores = SurveySignals.of(list, since);
			updates.accept(id, signals -> signals.withSurveys(scores));
		});
		judgement.allSentiments().forEach((id, note) -> updates.accept(id, s -> s.withSentiment(note.sentiment())));
	}

	private Instant surveysSince(LocalDate today) {
		return today.minusDays(settings.surveyWindowDays()).atStartOfDay(zone).toInstant();
	}

	private static void update(Map<UUID, Signals> found, UUID id, UnaryOperator<Signals> update) {
		found.put(id, update.apply(found.getOrDefault(id, Signals.NONE)));
	}
}
