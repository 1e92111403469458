package io.kizuna.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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

	public void write(JdbcTemplate jdbc, List<Object[]> rows) {
		// Many rows on PostgreSQL: COPY into a temporary table and one MERGE from it.
		if (rows.size() >= PostgresCopy.WORTH_FROM && PostgresCopy.available(jdbc)) {
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

	/** The rows by COPY into a temporary table of this connection, merged from it; in the caller's transaction or its own. */
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
			PostgresCopy.into(connection, staging, columns, rows);
			try (Statement statement = connection.createStatement()) {
				statement.executeUpdate(merge(staging));
			}
			if (own) {
				connection.commit();
			}
			return null;
		}
		catch (SQLException | RuntimeException failed) {
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
