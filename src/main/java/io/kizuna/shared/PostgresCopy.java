package io.kizuna.shared;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL's {@code COPY … FROM STDIN} from the application: thousands of rows as one stream of CSV instead
 * of statements of a few hundred rows, which spent most of their time being parsed and planned (a recompute's
 * scores and band changes, a busy product's daily counts). H2 has no COPY; callers use statements there.
 */
public final class PostgresCopy {

	/** From about this many rows on, a COPY is worth its set-up. */
	public static final int WORTH_FROM = 1_000;

	private PostgresCopy() {
	}

	/** Whether the database behind the template is PostgreSQL, and so can COPY. */
	public static boolean available(JdbcTemplate jdbc) {
		return Boolean.TRUE.equals(jdbc.execute((Connection c) -> c.isWrapperFor(PGConnection.class)));
	}

	/** Copies the rows into these columns of the table, in the caller's transaction if there is one. */
	public static void into(JdbcTemplate jdbc, String table, List<String> columns, List<Object[]> rows) {
		jdbc.execute((Connection c) -> {
			into(c, table, columns, rows);
			return null;
		});
	}

	static void into(Connection connection, String table, List<String> columns, List<Object[]> rows)
			throws SQLException {
		String copy = "copy " + table + " (" + String.join(", ", columns) + ") from stdin (format csv)";
		try {
			connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy, new StringReader(csv(rows)));
		}
		catch (IOException failed) {
			throw new SQLException("COPY into " + table + " failed", failed);
		}
	}

	/** CSV as COPY reads it (Commons CSV's PostgreSQL format: null unquoted and empty); times as ISO 8601 instants. */
	static String csv(List<Object[]> rows) throws IOException {
		StringBuilder out = new StringBuilder(rows.size() * 200);
		try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.POSTGRESQL_CSV)) {
			for (Object[] row : rows) {
				for (Object value : row) {
					// A Timestamp prints in the JVM's zone without saying so; the instant says which moment it is.
					printer.print(value instanceof java.sql.Timestamp timestamp ? timestamp.toInstant() : value);
				}
				printer.println();
			}
		}
		return out.toString();
	}
}
