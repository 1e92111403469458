package io.kizuna.activities.internal;

import static io.kizuna.shared.SqlTimes.utc;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import io.kizuna.accounts.DemoAccountsCreated;
import io.kizuna.accounts.DemoAccountsCreated.DemoAccount;
import io.kizuna.accounts.LifecycleStage;
import io.kizuna.activities.ActivitiesImported;
import io.kizuna.activities.ActivityKind;
import io.kizuna.activities.ActivityLogged;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo company's activities: regular check-ins, calls, e-mails and business reviews written by
 * each account's CSM, in Japanese for Japanese customers. Healthy, growing customers are talked to
 * often; churned ones went quiet months before they left.
 */
@Component
class DemoActivities {

	private record Template(ActivityKind kind, String subjectJa, String subjectEn, String outcomeJa, String outcomeEn,
			String nextJa, String nextEn) {
	}

	private static final List<Template> TEMPLATES = List.of(
			new Template(ActivityKind.CHECK_IN, "定例会議", "Monthly check-in", "利用状況を確認。主要機能は定着している。",
					"Reviewed usage; the main features are in daily use.", "次回定例で新機能を紹介", "Show the new features next time"),
			new Template(ActivityKind.CALL, "活用状況ヒアリング", "Adoption call", "管理者向けトレーニングの希望あり。",
					"They asked for an admin training.", "トレーニング日程を調整", "Schedule the training"),
			new Template(ActivityKind.EMAIL, "活用レポート送付", "Usage report sent", "月次の活用レポートを送付。",
					"Sent the monthly usage report.", null, null),
			new Template(ActivityKind.MEETING, "導入支援ミーティング", "Onboarding workshop", "初期設定とユーザー招待を完了。",
					"Finished the setup and invited the first users.", "2週間後に利用状況を確認", "Check usage in two weeks"),
			new Template(ActivityKind.QBR, "四半期ビジネスレビュー", "Quarterly business review",
					"成果指標を共有。次期の目標に合意。", "Shared outcomes and agreed on next quarter's goals.", "更新提案書を作成",
					"Prepare the renewal proposal"),
			new Template(ActivityKind.NOTE, "担当者変更の連絡", "Champion changed", "情報システム部の担当者が異動。",
					"Our champion moved to another department.", "新担当者と顔合わせ", "Meet the new champion"));

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	DemoActivities(JdbcTemplate jdbc, TransactionTemplate transactions, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.events = events;
	}

	@EventListener
	void on(DemoAccountsCreated created) {
		List<Activity> activities = new ArrayList<>();
		for (DemoAccount account : created.accounts()) {
			activities.addAll(story(account, new Random(created.seed() * 7_919L + account.index()), created.now()));
		}
		transactions.executeWithoutResult(status -> {
			jdbc.batchUpdate("""
					insert into activity (id, account_id, kind, occurred_at, subject, participants, outcome, next_steps,
					                      author_id, created_at, updated_at, version)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", activities, 1000, (ps, a) -> {
				ActivityDetails d = a.details();
				ps.setObject(1, a.id());
				ps.setObject(2, a.accountId().value());
				ps.setString(3, d.kind().name());
				ps.setObject(4, utc(d.occurredAt()));
				ps.setString(5, d.subject());
				ps.setString(6, d.participants());
				ps.setString(7, d.outcome());
				ps.setString(8, d.nextSteps());
				ps.setObject(9, a.author() == null ? null : a.author().value());
				ps.setObject(10, utc(a.createdAt()));
				ps.setObject(11, utc(a.updatedAt()));
				ps.setInt(12, a.version());
			});
			events.publishEvent(new ActivitiesImported(activities.stream()
				.map(a -> new ActivityLogged(a.id(), a.accountId(), ActivityLogged.Action.LOGGED, a.details().kind(),
						a.details().subject(), a.details().outcome(), a.details().occurredAt(), a.author()))
				.toList()));
		});
	}

	private static List<Activity> story(DemoAccount account, Random random, Instant now) {
		int count = switch (account.stage()) {
			case ONBOARDING -> 1 + random.nextInt(3);
			case ADOPTION, RENEWAL -> 2 + random.nextInt(5);
			case EXPANSION -> 4 + random.nextInt(6);
			case CHURNED -> random.nextInt(3);
		};
		boolean japanese = "JP".equals(account.country());
		long lifeSeconds = Duration.between(account.createdAt(), now).toSeconds();
		// Churned customers were last talked to long before today.
		long quietSeconds = account.stage() == LifecycleStage.CHURNED ? lifeSeconds / 2 : 0;
		List<Activity> activities = new ArrayList<>(count);
		for (int i = 0; i < count && lifeSeconds - quietSeconds > 0; i++) {
			Template t = account.stage() == LifecycleStage.ONBOARDING && i == 0 ? TEMPLATES.get(3)
					: TEMPLATES.get(random.nextInt(TEMPLATES.size()));
			Instant at = account.createdAt().plusSeconds(random.nextLong(lifeSeconds - quietSeconds));
			ActivityDetails details = new ActivityDetails(t.kind(), at, japanese ? t.subjectJa() : t.subjectEn(), null,
					japanese ? t.outcomeJa() : t.outcomeEn(), japanese ? t.nextJa() : t.nextEn());
			activities.add(new Activity(new UUID(random.nextLong(), random.nextLong()), account.id(), details,
					account.owner(), at, at, 1));
		}
		return activities;
	}
}
