package io.kizuna.imports.internal;

import static io.kizuna.shared.SqlTimes.instant;
import static io.kizuna.shared.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.kizuna.identity.UserId;
import io.kizuna.imports.RowProblem;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores imports in {@code import_job}, their rejected rows in {@code import_problem}. */
@Repository
class ImportJobs {

	private static final String COLUMNS = "id, kind, file_name, charset, row_count, mapping, status, valid_rows, "
			+ "rejected_rows, created_count, updated_count, unchanged_count, failure, created_by, created_at, finished_at";

	/** Arguments of a problem are kept as text, separated by a character no CSV cell contains in practice. */
	private static final String SEPARATOR = "\u001F";

	private static final String LABEL = "\u0002";

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	ImportJobs(JdbcClient jdbc, JdbcTemplate batches) {
		this.jdbc = jdbc;
		this.batches = batches;
	}

	void insert(ImportJob job, String content) {
		jdbc.sql("insert into import_job (id, kind, file_name, charset, content, row_count, status, created_by,"
				+ " created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(job.id(), job.kind(), job.fileName(), job.charset(), content, job.rowCount(), job.status().name(),
					job.createdBy().value(), utc(job.createdAt()))
			.update();
	}

	Optional<ImportJob> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from import_job where id = ?").param(id).query((rs, n) -> row(rs)).optional();
	}

	String content(UUID id) {
		return jdbc.sql("select content from import_job where id = ?").param(id).query(String.class).single();
	}

	List<ImportJob> latest(int limit) {
		return jdbc.sql("select " + COLUMNS + " from import_job order by created_at desc limit ?")
			.param(limit)
			.query((rs, n) -> row(rs))
			.list();
	}

	void checked(UUID id, List<String> mapping, int valid, List<RowProblem> problems) {
		jdbc.sql("update import_job set mapping = ?, status = 'CHECKED', valid_rows = ?, rejected_rows = ? where id = ?")
			.params(String.join(",", mapping), valid, (int) problems.stream().mapToLong(RowProblem::line).distinct().count(),
					id)
			.update();
		jdbc.sql("delete from import_problem where job_id = ?").param(id).update();
		batches.batchUpdate("insert into import_problem (job_id, line, message_key, arguments) values (?, ?, ?, ?)",
				problems, 1000, (ps, p) -> {
					ps.setObject(1, id);
					ps.setLong(2, p.line());
					ps.setString(3, p.messageKey());
					String arguments = String.join(SEPARATOR,
							Arrays.stream(p.arguments()).map(ImportJobs::argument).toList());
					ps.setString(4, arguments.length() > 1000 ? arguments.substring(0, 1000) : arguments);
				});
	}

	/** Moves a checked import to running; false if it was not (still) checked, such as a second click. */
	boolean start(UUID id) {
		return jdbc.sql("update import_job set status = 'RUNNING' where id = ? and status = 'CHECKED'").param(id).update() == 1;
	}

	void done(UUID id, int created, int updated, int unchanged, Instant at) {
		jdbc.sql("update import_job set status = 'DONE', created_count = ?, updated_count = ?, unchanged_count = ?,"
				+ " finished_at = ? where id = ?")
			.params(created, updated, unchanged, utc(at), id)
			.update();
	}

	void failed(UUID id, String failure, Instant at) {
		jdbc.sql("update import_job set status = 'FAILED', failure = ?, finished_at = ? where id = ?")
			.params(failure.length() > 1000 ? failure.substring(0, 1000) : failure, utc(at), id)
			.update();
	}

	List<RowProblem> problems(UUID id, int limit) {
		return jdbc.sql("select line, message_key, arguments from import_problem where job_id = ? order by line limit ?")
			.params(id, limit)
			.query((rs, n) -> {
				String arguments = rs.getString("arguments");
				Object[] values = arguments == null || arguments.isEmpty() ? new Object[0]
						: Arrays.stream(arguments.split(SEPARATOR, -1)).map(ImportJobs::argument).toArray();
				return new RowProblem(rs.getLong("line"), rs.getString("message_key"), values);
			})
			.list();
	}

	/** Remembered mappings of a kind: normalised header to field. */
	Map<String, String> rememberedMappings(String kind) {
		return jdbc.sql("select header_key, field from import_mapping where kind = ?")
			.param(kind)
			.query((rs, n) -> Map.entry(rs.getString("header_key"), rs.getString("field")))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
	}

	void remember(String kind, String headerKey, String field) {
		jdbc.sql("delete from import_mapping where kind = ? and header_key = ?").params(kind, headerKey).update();
		if (!field.isEmpty()) {
			jdbc.sql("insert into import_mapping (kind, header_key, field) values (?, ?, ?)")
				.params(kind, headerKey, field)
				.update();
		}
	}

	/** A label among the arguments (a field's name) is kept as its message key, to be shown in the reader's language. */
	private static String argument(Object value) {
		return value instanceof MessageSourceResolvable label ? LABEL + label.getCodes()[0] : String.valueOf(value);
	}

	private static Object argument(String text) {
		return text.startsWith(LABEL) ? new DefaultMessageSourceResolvable(text.substring(1)) : text;
	}

	private static ImportJob row(ResultSet rs) throws SQLException {
		String mapping = rs.getString("mapping");
		return new ImportJob(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("file_name"),
				rs.getString("charset"), rs.getInt("row_count"),
				mapping == null ? null : Arrays.asList(mapping.split(",", -1)),
				ImportJob.Status.valueOf(rs.getString("status")),
				new ImportJob.Counts(integer(rs, "valid_rows"), integer(rs, "rejected_rows"), integer(rs, "created_count"),
						integer(rs, "updated_count"), integer(rs, "unchanged_count")),
				rs.getString("failure"), new UserId(rs.getObject("created_by", UUID.class)), instant(rs, "created_at"),
				instant(rs, "finished_at"));
	}

	private static Integer integer(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, Integer.class);
	}
}
