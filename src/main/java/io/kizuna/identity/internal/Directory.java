package io.kizuna.identity.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.kizuna.identity.Role;
import io.kizuna.identity.UserDirectory;
import io.kizuna.identity.UserId;
import io.kizuna.shared.CommittedCache;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class Directory implements UserDirectory {

	private final JdbcClient jdbc;

	private final RoleHierarchy hierarchy;

	private final CommittedCache<UserId, String> namesById = new CommittedCache<>(Duration.ofMinutes(1), 10_000);

	Directory(JdbcClient jdbc, RoleHierarchy hierarchy) {
		this.jdbc = jdbc;
		this.hierarchy = hierarchy;
	}

	@Override
	public List<Member> activeWithRole(Role role) {
		Set<String> granting = Role.all().stream()
			.filter(held -> hierarchy.getReachableGrantedAuthorities(List.of(new SimpleGrantedAuthority(held.authority())))
				.stream()
				.map(GrantedAuthority::getAuthority)
				.anyMatch(role.authority()::equals))
			.map(Role::name)
			.collect(Collectors.toSet());
		return jdbc.sql("""
				select distinct u.id, u.display_name from app_user u join app_user_role r on r.user_id = u.id
				where u.active = true and r.role in (:roles)""")
			.param("roles", granting)
			.query((rs, n) -> new Member(new UserId(rs.getObject("id", UUID.class)), rs.getString("display_name")))
			.list()
			.stream()
			.sorted(Comparator.comparing(Member::displayName, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

	/**
	 * Every list page names its accounts' owners: from memory, so that a page does not wait for a
	 * query. A renamed person is forgotten as the rename commits ({@link #forget}); the minute bounds a rename
	 * committed on another node.
	 */
	@Override
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Map<UserId, String> names(Collection<UserId> ids) {
		Map<UserId, String> names = new HashMap<>(namesById.getAll(ids));
		List<UUID> unknown = ids.stream().filter(id -> !names.containsKey(id)).map(UserId::value).toList();
		if (unknown.isEmpty()) {
			return names;
		}
		long generation = namesById.generation(); // before the query: a rename committing meanwhile drops what it read
		Map<UserId, String> read = new HashMap<>();
		jdbc.sql("select id, display_name from app_user where id in (:ids)")
			.param("ids", unknown)
			.query((rs, n) -> Map.entry(new UserId(rs.getObject("id", UUID.class)), rs.getString("display_name")))
			.list()
			.forEach(e -> read.put(e.getKey(), e.getValue()));
		namesById.putAll(read, generation); // only what was read: the cached names may predate that generation
		names.putAll(read);
		return names;
	}

	void forget(UserId id) {
		namesById.forgetAfterCommit(id);
	}
}
