package io.kizuna.identity.internal;

import static io.kizuna.shared.SqlTimes.instant;
import static io.kizuna.shared.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.kizuna.identity.Role;
import io.kizuna.identity.UserId;
import io.kizuna.shared.PageResult;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores users and their roles in {@code app_user} and {@code app_user_role}. */
@Repository
class Users {

	private static final String COLUMNS = "u.id, u.username, u.display_name, u.email, u.password_hash, u.active, "
			+ "u.language, u.time_zone, u.created_at, u.last_login_at, u.deactivated_at";

	private final JdbcClient jdbc;

	private final ApiTokenCache tokenSignIns;

	private final Directory directory;

	Users(JdbcClient jdbc, ApiTokenCache tokenSignIns, Directory directory) {
		this.jdbc = jdbc;
		this.tokenSignIns = tokenSignIns;
		this.directory = directory;
	}

	Optional<User> findById(UserId id) {
		return jdbc.sql("select " + COLUMNS + " from app_user u where u.id = ?")
			.param(id.value())
			.query(Users::row)
			.optional()
			.map(row -> User.restore(row, rolesOf(id)));
	}

	Optional<User> findByUsername(String username) {
		return jdbc.sql("select " + COLUMNS + " from app_user u where u.username = ?")
			.param(normalize(username))
			.query(Users::row)
			.optional()
			.map(row -> User.restore(row, rolesOf(row.id())));
	}

	boolean existsByUsername(String username) {
		return jdbc.sql("select count(*) from app_user where username = ?")
			.param(normalize(username))
			.query(Long.class)
			.single() > 0;
	}

	long count() {
		return jdbc.sql("select count(*) from app_user").query(Long.class).single();
	}

	long countActiveAdmins() {
		return jdbc.sql("""
				select count(*) from app_user u join app_user_role r on r.user_id = u.id
				where u.active = true and r.role = 'ADMIN'""").query(Long.class).single();
	}

	void insert(User user) {
		User.UserRow r = user.toRow();
		jdbc.sql("""
				insert into app_user (id, username, display_name, email, password_hash, active, language, time_zone,
				                      created_at, last_login_at, deactivated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(r.id().value(), normalize(r.username()), r.displayName(), r.email(), r.passwordHash(), r.active(),
					r.language(), r.timeZone(), utc(r.createdAt()), utc(r.lastLoginAt()), utc(r.deactivatedAt()))
			.update();
		saveRoles(user);
	}

	void update(User user) {
		User.UserRow r = user.toRow();
		jdbc.sql("""
				update app_user set display_name = ?, email = ?, password_hash = ?, active = ?, language = ?,
				                    time_zone = ?, last_login_at = ?, deactivated_at = ?
				where id = ?""")
			.params(r.displayName(), r.email(), r.passwordHash(), r.active(), r.language(), r.timeZone(),
					utc(r.lastLoginAt()), utc(r.deactivatedAt()), r.id().value())
			.update();
		// Every change to a person passes here, so a token never signs in with what they were before,
		// and pages show the new name.
		tokenSignIns.forgetOwner(user.id());
		directory.forget(user.id());
	}

	PageResult<User> search(UserQuery query) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		Map<String, Object> params = new HashMap<>();
		if (query.text() != null && !query.text().isBlank()) {
			where.append(" and (lower(u.username) like :text or lower(u.display_name) like :text"
					+ " or lower(u.email) like :text)");
			params.put("text", "%" + query.text().trim().toLowerCase() + "%");
		}
		if (query.role() != null) {
			where.append(" and exists (select 1 from app_user_role r where r.user_id = u.id and r.role = :role)");
			params.put("role", query.role().name());
		}
		if (query.status() != null) {
			where.append(switch (query.status()) {
				case ACTIVE -> " and u.active = true and u.password_hash is not null";
				case INVITED -> " and u.active = true and u.password_hash is null";
				case DEACTIVATED -> " and u.active = false";
			});
		}
		long total = jdbc.sql("select count(*) from app_user u" + where).params(params).query(Long.class).single();
		String order = " order by " + UserQuery.sortColumn(query.page().sort())
				+ (query.page().ascending() ? " asc" : " desc") + ", u.id";
		List<User.UserRow> rows = jdbc
			.sql("select " + COLUMNS + " from app_user u" + where + order + " limit :limit offset :offset")
			.params(params)
			.param("limit", query.page().size())
			.param("offset", query.page().offset())
			.query(Users::row)
			.list();
		Map<UUID, Set<Role>> roles = rolesOf(rows.stream().map(row -> row.id().value()).toList());
		List<User> users = new ArrayList<>(rows.size());
		for (User.UserRow row : rows) {
			users.add(User.restore(row, roles.getOrDefault(row.id().value(), EnumSet.noneOf(Role.class))));
		}
		return new PageResult<>(users, total, query.page().page(), query.page().size());
	}

	/** Roles change rarely; sign-ins and profile edits leave them alone instead of rewriting them. */
	void updateRoles(User user) {
		saveRoles(user);
		tokenSignIns.forgetOwner(user.id());
	}

	private void saveRoles(User user) {
		jdbc.sql("delete from app_user_role where user_id = ?").param(user.id().value()).update();
		for (Role role : user.roles()) {
			jdbc.sql("insert into app_user_role (user_id, role) values (?, ?)")
				.params(user.id().value(), role.name())
				.update();
		}
	}

	private Set<Role> rolesOf(UserId id) {
		return rolesOf(List.of(id.value())).getOrDefault(id.value(), EnumSet.noneOf(Role.class));
	}

	/** One query for the roles of a whole page of users, instead of one per user. */
	private Map<UUID, Set<Role>> rolesOf(List<UUID> ids) {
		Map<UUID, Set<Role>> roles = new HashMap<>();
		if (ids.isEmpty()) {
			return roles;
		}
		jdbc.sql("select user_id, role from app_user_role where user_id in (:ids)")
			.param("ids", ids)
			.query((rs, n) -> Map.entry(rs.getObject("user_id", UUID.class), Role.valueOf(rs.getString("role"))))
			.list()
			.forEach(e -> roles.computeIfAbsent(e.getKey(), k -> EnumSet.noneOf(Role.class)).add(e.getValue()));
		return roles;
	}

	static String normalize(String username) {
		return username == null ? null : username.trim().toLowerCase();
	}



	private static User.UserRow row(ResultSet rs, int rowNum) throws SQLException {
		return new User.UserRow(new UserId(rs.getObject("id", UUID.class)), rs.getString("username"),
				rs.getString("display_name"), rs.getString("email"), rs.getString("password_hash"),
				rs.getBoolean("active"), rs.getString("language"), rs.getString("time_zone"),
				instant(rs, "created_at"), instant(rs, "last_login_at"), instant(rs, "deactivated_at"));
	}
}
