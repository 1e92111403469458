package io.kizuna.identity.internal;

import java.util.List;
import java.util.Set;

import io.kizuna.identity.Role;
import io.kizuna.shared.ConflictException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With {@code kizuna.demo.enabled=true}, staffs a fresh installation (nobody but {@code admin}) with a
 * small customer success team, so that a newcomer sees owners, colleagues and roles at work instead
 * of an empty admin-only product. They share the admin password when one is configured, so that a
 * demo can sign in as anybody; otherwise they are invited.
 * <p>
 * Runs when the application is ready, i.e. after {@link AdminBootstrap} (a singleton initialiser),
 * and with order 1, before the accounts module's demo company (order 2) needs them as owners.
 */
@Component
@ConditionalOnBooleanProperty("kizuna.demo.enabled")
class DemoPeople {

	private static final Logger log = LoggerFactory.getLogger(DemoPeople.class);

	private record Person(String username, String displayName, Role role) {
	}

	private static final List<Person> TEAM = List.of(
			new Person("misaki.sato", "佐藤 美咲", Role.CSM),
			new Person("kenta.suzuki", "鈴木 健太", Role.CSM),
			new Person("hina.takahashi", "高橋 陽菜", Role.CSM),
			new Person("sho.tanaka", "田中 翔", Role.CSM),
			new Person("emily.clarke", "Emily Clarke", Role.CSM),
			new Person("daniel.wright", "Daniel Wright", Role.CSM),
			new Person("yumi.yamamoto", "山本 由美", Role.CS_MANAGER),
			new Person("james.porter", "James Porter", Role.CS_MANAGER),
			new Person("daisuke.nakamura", "中村 大輔", Role.SALES),
			new Person("aya.kobayashi", "小林 彩", Role.SALES),
			new Person("takuya.ito", "伊藤 拓也", Role.SALES),
			new Person("olivia.bennett", "Olivia Bennett", Role.SALES),
			new Person("sakura.watanabe", "渡辺 さくら", Role.SUPPORT_AGENT),
			new Person("ryo.kato", "加藤 亮", Role.SUPPORT_AGENT),
			new Person("sophie.turner", "Sophie Turner", Role.SUPPORT_AGENT),
			new Person("makoto.yoshida", "吉田 誠", Role.VIEWER));

	private final Users users;

	private final UserManagement management;

	private final IdentityProperties properties;

	private final TransactionTemplate transactions;

	DemoPeople(Users users, UserManagement management, IdentityProperties properties,
			TransactionTemplate transactions) {
		this.users = users;
		this.management = management;
		this.properties = properties;
		this.transactions = transactions;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(1)
	void staff() {
		if (users.count() != 1 || !users.existsByUsername(AdminBootstrap.ADMIN_USERNAME)) {
			return;
		}
		String password = properties.adminPassword();
		boolean invited = password == null || password.isEmpty();
		if (!invited && !PasswordPolicy.acceptable(password)) {
			throw new IllegalStateException("KIZUNA_ADMIN_PASSWORD must be " + PasswordPolicy.MIN_LENGTH + " to "
					+ PasswordPolicy.MAX_LENGTH + " characters long");
		}
		try {
			transactions.executeWithoutResult(status -> TEAM.forEach(person -> management.create(new NewUser(
					person.username(), person.displayName(), person.username() + "@example.com",
					invited ? null : password, Set.of(person.role())))));
		}
		catch (DuplicateKeyException | ConflictException anotherInstanceWasFaster) {
			return;
		}
		log.info("demo people: created {} people, {}", TEAM.size(),
				invited ? "invited (no password set)" : "with the admin password");
	}
}
