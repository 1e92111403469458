package io.kizuna.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants to and from {@code timestamp with time zone} columns. Both H2 and the PostgreSQL driver
 * bind {@link OffsetDateTime} reliably, {@link Instant} not everywhere, so every module goes through here.
 */
public final class SqlTimes {

	private SqlTimes() {
	}

	public static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	public static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}
}
