package io.kizuna.accounts.internal;

import static io.kizuna.shared.SqlTimes.utc;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.kizuna.identity.UserId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A person's saved views of the account table: a name and the query string of filters and order.
 * Only the table's own parameters are kept, so a saved view cannot carry anything else into a link.
 */
@Repository
class SavedViews {

	/** A saved view as the table shows it. */
	public record SavedView(UUID id, String name, String query) {
	}

	private static final Set<String> KEPT = Set.of("q", "stage", "owner", "plan", "size", "renewal", "band", "segment", "sort",
			"dir");

	private final JdbcClient jdbc;

	SavedViews(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<SavedView> of(UserId user) {
		return jdbc.sql("select id, name, query from saved_view where user_id = ? order by name")
			.param(user.value())
			.query((rs, n) -> new SavedView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("query")))
			.list();
	}

	SavedView save(UserId user, String name, String query, Instant at) {
		SavedView view = new SavedView(UUID.randomUUID(), name, clean(query));
		jdbc.sql("delete from saved_view where user_id = ? and name = ?").params(user.value(), name).update();
		jdbc.sql("insert into saved_view (id, user_id, name, query, created_at) values (?, ?, ?, ?, ?)")
			.params(view.id(), user.value(), view.name(), view.query(), utc(at))
			.update();
		return view;
	}

	/** False when the view is not this person's (or gone). */
	boolean delete(UserId user, UUID id) {
		return jdbc.sql("delete from saved_view where id = ? and user_id = ?").params(id, user.value()).update() == 1;
	}

	static String clean(String query) {
		MultiValueMap<String, String> parameters = UriComponentsBuilder.newInstance()
			.query(query == null ? "" : query)
			.build()
			.getQueryParams();
		UriComponentsBuilder kept = UriComponentsBuilder.newInstance();
		parameters.forEach((name, values) -> {
			if (KEPT.contains(name) || name.startsWith(AccountQuery.CUSTOM_PREFIX)) {
				values.stream().filter(v -> v != null && !v.isEmpty()).forEach(v -> kept.queryParam(name, v));
			}
		});
		String cleaned = kept.build().getQuery();
		return cleaned == null ? "" : cleaned.length() > 2000 ? cleaned.substring(0, 2000) : cleaned;
	}
}
