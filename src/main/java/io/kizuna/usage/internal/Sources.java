package io.kizuna.usage.internal;

import static io.kizuna.shared.SqlTimes.instant;
import static io.kizuna.shared.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code usage_source} table. */
@Repository
class Sources {

	private final JdbcClient jdbc;

	Sources(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Source source, String keyHash, UUID createdBy) {
		jdbc.sql("insert into usage_source (id, name, kind, write_key_hash, write_key_hint, created_at, created_by)"
				+ " values (?, ?, ?, ?, ?, ?, ?)")
			.params(source.id(), source.name(), source.kind().name(), keyHash, source.keyHint(), utc(source.createdAt()),
					createdBy)
			.update();
	}

	boolean rotate(UUID id, String keyHash, String keyHint, Instant at) {
		return jdbc.sql("update usage_source set write_key_hash = ?, write_key_hint = ?, rotated_at = ?"
				+ " where id = ? and revoked_at is null")
			.params(keyHash, keyHint, utc(at), id)
			.update() == 1;
	}

	boolean revoke(UUID id, Instant at) {
		return jdbc.sql("update usage_source set revoked_at = ? where id = ? and revoked_at is null")
			.params(utc(at), id)
			.update() == 1;
	}

	List<Source> all() {
		return jdbc.sql("select * from usage_source order by name, id").query((rs, n) -> row(rs)).list();
	}

	Optional<Source> find(UUID id) {
		return jdbc.sql("select * from usage_source where id = ?").param(id).query((rs, n) -> row(rs)).optional();
	}

	Optional<Source> byKeyHash(String keyHash) {
		return jdbc.sql("select * from usage_source where write_key_hash = ?")
			.param(keyHash)
			.query((rs, n) -> row(rs))
			.optional();
	}

	private static Source row(ResultSet rs) throws SQLException {
		return new Source(rs.getObject("id", UUID.class), rs.getString("name"),
				Source.Kind.valueOf(rs.getString("kind")), rs.getString("write_key_hint"), instant(rs, "created_at"),
				instant(rs, "rotated_at"), instant(rs, "revoked_at"));
	}
}
