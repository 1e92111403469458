package io.kizuna.shared;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes many rows as few statements: the standard {@code MERGE INTO … USING (VALUES …)}, which H2 and
 * PostgreSQL 15 both speak, hundreds of rows to a statement; thousands on PostgreSQL by COPY and one MERGE. Tens of thousands of rows a second (usage
 * rollups, health scores) cost several times more as one statement each, even batched.
 */
public final class SqlMerge {

	private final String table;

	private final List<String> keys;

	private final List<String> columns;

	private final List<String> types;

	private final String whenMatched;

	private final int rowsPerStatement;

	/**
	 * @param keys the key columns, matched on
	 * @param columns all columns, keys first, in the order each row gives its values
	 * @param types each column's SQL type, for the casts the parameters need
	 * @param whenMatched the {@code SET} list for an existing row; the target is {@code t}, the new row {@code v}
	 */
	public SqlMerge(String table, List<String> keys, List<String> columns, List<String> types, String whenMatched,
			int rowsPerStatement) {
		this.table = table;
		this.keys = List.copyOf(keys);
		this.columns = List.copyOf(columns);
		this.types = List.copyOf(types);
		this.whenMatched = whenMatched;
		this.rowsPerStatement = rowsPerStatement;
	}

	/** From this many rows on, PostgreSQL gets them by COPY into a temporary table and one MERGE from it. */
	static final int COPY_FROM = 1_000;

	public void write(JdbcTemplate jdbc, List<Object[]> rows) {
		if (rows.size() >= COPY_FROM
				&& Boolean.TRUE.equals(jdbc.execute((Connection c) -> c.isWrapperFor(PGConnection.class)))) {
			jdbc.execute((Connection c) -> copyThenMerge(c, rows));
			return;
		}
		for (int from = 0; from < rows.size(); from += rowsPerStatement) {
			List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + rowsPerStatement));
			List<Object> args = new ArrayList<>(chunk.size() * columns.size());
			chunk.forEach(row -> Collections.addAll(args, row));
			jdbc.update(sql(chunk.size()), args.toArray());
		}
	}

	/**
	 * PostgreSQL: thousands of rows a second (a recompute's scores, a busy product's daily counts) spent most of
	 * their time in parsing and planning statements of hundreds of rows; streamed with COPY into a temporary
	 * table of this connection and merged from it with one statement, the same rows take a fraction of it.
	 * In the caller's transaction, or in one of its own.
	 */
	private Void copyThenMerge(Connection connection, List<Object[]> rows) throws SQLException {
		boolean own = connection.getAutoCommit();
		if (own) {
			connection.setAutoCommit(false);
		}
		try {
			String staging = table + "_in";
			try (Statement statement = connection.createStatement()) {
				statement.execute("create temporary table if not exists " + staging + " on commit delete rows as select "
						+ String.join(", ", columns) + " from " + table + " with no data");
				statement.execute("truncate " + staging);
			}
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy " + staging + " (" + String.join(", ", columns) + ") from stdin (format csv)",
						new StringReader(csv(rows)));
			try (Statement statement = connection.createStatement()) {
				statement.executeUpdate(merge(staging));
			}
			if (own) {
				connection.commit();
			}
			return null;
		}
		catch (IOException | SQLException | RuntimeException failed) {
			if (own) {
				connection.rollback();
			}
			throw failed instanceof SQLException sql ? sql : new SQLException("COPY into " + table + " failed", failed);
		}
		finally {
			if (own) {
				connection.setAutoCommit(true);
			}
		}
	}

	/** CSV as COPY reads it: an empty field unquoted is null, text is always quoted, times as ISO 8601. */
	static String csv(List<Object[]> rows) {
		StringBuilder out = new StringBuilder(rows.size() * 200);
		for (Object[] row : rows) {
			for (int i = 0; i < row.length; i++) {
				if (i > 0) {
					out.append(',');
				}
				Object value = row[i];
				if (value instanceof String text) {
					out.append('"').append(text.replace("\"", "\"\"")).append('"');
				}
				else if (value instanceof java.sql.Timestamp timestamp) {
					out.append(timestamp.toInstant());
				}
				else if (value != null) {
					out.append(value);
				}
			}
			out.append('\n');
		}
		return out.toString();
	}

	private String merge(String source) {
		String on = String.join(" and ", keys.stream().map(k -> "t." + k + " = v." + k).toList());
		return "merge into " + table + " t using " + source + " v on " + on + " when matched then update set "
				+ whenMatched + " when not matched then insert (" + String.join(", ", columns) + ") values ("
				+ String.join(", ", columns.stream().map(c -> "v." + c).toList()) + ")";
	}

	private String sql(int rows) {
		List<String> casts = new ArrayList<>();
		for (String type : types) {
			casts.add("cast(? as " + type + ")");
		}
		String row = "(" + String.join(", ", casts) + ")";
		String on = String.join(" and ", keys.stream().map(k -> "t." + k + " = v." + k).toList());
		return "merge into " + table + " t using (values " + String.join(", ", Collections.nCopies(rows, row)) + ") as v ("
				+ String.join(", ", columns) + ") on " + on + " when matched then update set " + whenMatched
				+ " when not matched then insert (" + String.join(", ", columns) + ") values ("
				+ String.join(", ", columns.stream().map(c -> "v." + c).toList()) + ")";
	}
}
