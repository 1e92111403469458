package io.kizuna.usage.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.kizuna.accounts.DemoAccountsCreated;
import io.kizuna.accounts.DemoAccountsCreated.DemoAccount;
import io.kizuna.accounts.LifecycleStage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Thirty days of product usage for the demo company's first accounts, following their story: growing
 * customers use the product daily with many people, churned ones have faded to nothing. Written straight
 * into the identities and daily rollups (as if the feed had read the events), and only for the first
 * {@link #ACCOUNTS} accounts, so that a demo of 100,000 accounts still starts in seconds.
 */
@Component
class DemoUsage {

	static final int ACCOUNTS = 500;

	private static final List<String> FEATURES = List.of("Signed In", "Dashboard Viewed", "Report Exported",
			"Health Score Viewed", "Playbook Run", "Guide Completed", "Invite Sent", "Search Used");

	static final UUID DEMO_SOURCE = UUID.fromString("00000000-0000-0000-0000-00000000de30");

	private final UsageIdentities identities;

	private final UsageRollups rollups;

	private final TransactionTemplate transactions;

	private final ZoneId zone;

	DemoUsage(UsageIdentities identities, UsageRollups rollups, TransactionTemplate transactions,
			@Value("${kizuna.default-time-zone:Asia/Tokyo}") ZoneId zone) {
		this.identities = identities;
		this.rollups = rollups;
		this.transactions = transactions;
		this.zone = zone;
	}

	@EventListener
	void on(DemoAccountsCreated created) {
		List<DemoAccount> accounts = created.accounts().stream().filter(a -> a.index() < ACCOUNTS).toList();
		if (accounts.isEmpty()) {
			return;
		}
		LocalDate today = LocalDate.ofInstant(created.now(), zone);
		Map<UsageIdentities.Key, UsageIdentities.Group> groups = new HashMap<>();
		Map<UsageIdentities.Key, UsageIdentities.User> users = new HashMap<>();
		Map<UsageRollups.EventDay, Long> events = new HashMap<>();
		Map<UsageRollups.UserDay, UsageRollups.Use> userDays = new HashMap<>();
		for (DemoAccount account : accounts) {
			Random random = new Random(created.seed() * 31_337L + account.index());
			story(account, random, today, created.now(), groups, users, events, userDays);
		}
		transactions.executeWithoutResult(status -> {
			identities.saveGroups(groups.values(), true);
			identities.saveUsers(users.values(), true);
			rollups.addEvents(events);
			rollups.addUsers(userDays);
		});
	}

	private static void story(DemoAccount account, Random random, LocalDate today, Instant now,
			Map<UsageIdentities.Key, UsageIdentities.Group> groups, Map<UsageIdentities.Key, UsageIdentities.User> users,
			Map<UsageRollups.EventDay, Long> events, Map<UsageRollups.UserDay, UsageRollups.Use> userDays) {
		int people = Math.clamp((account.employees() == null ? 40 : account.employees()) / 20, 2, 40);
		// The share of people who use the product on a working day, by where the customer is in its life.
		int daily = switch (account.stage()) {
			case EXPANSION -> 70;
			case ADOPTION -> 50;
			case RENEWAL -> 35;
			case ONBOARDING -> 25;
			case CHURNED -> 0;
		};
		String groupId = "demo-" + account.index();
		UsageIdentities.Group group = new UsageIdentities.Group(DEMO_SOURCE, groupId);
		group.account = account.id().value();
		group.firstSeen = now.minus(Duration.ofDays(30));
		group.lastSeen = group.firstSeen;
		groups.put(new UsageIdentities.Key(DEMO_SOURCE, groupId), group);
		for (int p = 0; p < people; p++) {
			String userId = groupId + "-user-" + p;
			UsageIdentities.User user = new UsageIdentities.User(DEMO_SOURCE, userId);
			user.groupId = groupId;
			user.account = group.account;
			user.firstSeen = group.firstSeen;
			user.lastSeen = group.firstSeen;
			for (int d = 29; d >= 0; d--) {
				LocalDate day = today.minusDays(d);
				boolean weekend = day.getDayOfWeek().getValue() >= 6;
				// Accounts at risk of leaving fade over the month; the others hold steady.
				int chance = account.stage() == LifecycleStage.RENEWAL ? daily * (30 - d / 2) / 30 : daily;
				if (random.nextInt(100) >= (weekend ? chance / 5 : chance)) {
					continue;
				}
				int count = 1 + random.nextInt(12);
				for (int e = 0; e < count; e++) {
					String feature = FEATURES.get(Math.min(FEATURES.size() - 1, (int) Math.abs(random.nextGaussian() * 2.5)));
					events.merge(new UsageRollups.EventDay(group.account, day, feature), 1L, Long::sum);
				}
				// One session a day of a few minutes per event, as people use a B2B tool between other work.
				userDays.merge(new UsageRollups.UserDay(group.account, day, DEMO_SOURCE + "/" + userId),
						new UsageRollups.Use(count, 1, count * (60L + random.nextInt(240))), UsageRollups.Use::plus);
				user.events += count;
				group.events += count;
				Instant at = day.atTime(9 + random.nextInt(9), random.nextInt(60)).atZone(ZoneId.of("Asia/Tokyo")).toInstant();
				user.lastSeen = at.isAfter(user.lastSeen) ? at : user.lastSeen;
				group.lastSeen = at.isAfter(group.lastSeen) ? at : group.lastSeen;
			}
			users.put(new UsageIdentities.Key(DEMO_SOURCE, userId), user);
		}
	}
}
