package io.kizuna.shared;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes many rows as few statements: the standard {@code MERGE INTO … USING (VALUES …)}, which H2 and
 * PostgreSQL 15 both speak, hundreds of rows to a statement. Tens of thousands of rows a second (usage
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
		for (int from = 0; from < rows.size(); from += rowsPerStatement) {
			List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + rowsPerStatement));
			List<Object> args = new ArrayList<>(chunk.size() * columns.size());
			chunk.forEach(row -> Collections.addAll(args, row));
			jdbc.update(sql(chunk.size()), args.toArray());
		}
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
