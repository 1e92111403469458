package io.kizuna.surveys.internal;

import static io.kizuna.shared.SqlTimes.instant;
import static io.kizuna.shared.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.kizuna.accounts.AccountId;
import io.kizuna.shared.PageQuery;
import io.kizuna.shared.PageResult;
import io.kizuna.surveys.SurveyAnswerId;
import io.kizuna.surveys.SurveyKind;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code survey_answer} table. */
@Repository
class SurveyAnswerStore {

	static final String INSERT = "insert into survey_answer (id, account_id, contact_email, kind, score, comment,"
			+ " answered_at, external_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private final JdbcTemplate jdbc;

	SurveyAnswerStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void insert(SurveyAnswer answer) {
		jdbc.update(INSERT, values(answer));
	}

	void insertAll(List<SurveyAnswer> answers) {
		jdbc.batchUpdate(INSERT, answers, 1000, (ps, a) -> {
			Object[] values = values(a);
			for (int i = 0; i < values.length; i++) {
				ps.setObject(i + 1, values[i]);
			}
		});
	}

	void updateAll(List<SurveyAnswer> answers) {
		jdbc.batchUpdate("update survey_answer set account_id = ?, contact_email = ?, kind = ?, score = ?, comment = ?,"
				+ " answered_at = ? where id = ?", answers, 1000, (ps, a) -> {
					ps.setObject(1, a.account().value());
					ps.setString(2, a.contactEmail());
					ps.setString(3, a.kind().name());
					ps.setInt(4, a.score());
					ps.setString(5, a.comment());
					ps.setObject(6, utc(a.answeredAt()));
					ps.setObject(7, a.id().value());
				});
	}

	boolean delete(SurveyAnswerId id) {
		return jdbc.update("delete from survey_answer where id = ?", id.value()) == 1;
	}

	private static Object[] values(SurveyAnswer a) {
		return new Object[] { a.id().value(), a.account().value(), a.contactEmail(), a.kind().name(), a.score(),
				a.comment(), utc(a.answeredAt()), a.externalId(), utc(a.createdAt()) };
	}

	Optional<SurveyAnswer> find(SurveyAnswerId id) {
		return jdbc.query("select * from survey_answer where id = ?", (rs, n) -> row(rs), id.value()).stream().findFirst();
	}

	Map<String, SurveyAnswer> byExternalIds(Collection<String> externalIds) {
		Map<String, SurveyAnswer> found = new HashMap<>();
		List<String> ids = List.copyOf(externalIds);
		for (int from = 0; from < ids.size(); from += 1000) {
			List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
			jdbc.query("select * from survey_answer where external_id in (" + marks(chunk.size()) + ")",
					rs -> {
						SurveyAnswer answer = row(rs);
						found.put(answer.externalId(), answer);
					}, chunk.toArray());
		}
		return found;
	}

	PageResult<SurveyAnswer> page(AccountId account, SurveyKind kind, PageQuery page) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		List<Object> args = new ArrayList<>();
		if (account != null) {
			where.append(" and account_id = ?");
			args.add(account.value());
		}
		if (kind != null) {
			where.append(" and kind = ?");
			args.add(kind.name());
		}
		Long total = jdbc.queryForObject("select count(*) from survey_answer" + where, Long.class, args.toArray());
		List<Object> pageArgs = new ArrayList<>(args);
		pageArgs.add(page.size());
		pageArgs.add((long) page.page() * page.size());
		List<SurveyAnswer> items = jdbc.query("select * from survey_answer" + where
				+ " order by answered_at desc, id limit ? offset ?", (rs, n) -> row(rs), pageArgs.toArray());
		return new PageResult<>(items, total == null ? 0 : total, page.page(), page.size());
	}

	Map<AccountId, List<SurveyAnswer>> ofAccounts(Collection<AccountId> accounts) {
		Map<AccountId, List<SurveyAnswer>> found = new HashMap<>();
		List<AccountId> ids = List.copyOf(accounts);
		for (int from = 0; from < ids.size(); from += 500) {
			List<AccountId> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
			jdbc.query("select * from survey_answer where account_id in (" + marks(chunk.size()) + ")", rs -> {
				SurveyAnswer answer = row(rs);
				found.computeIfAbsent(answer.account(), a -> new ArrayList<>()).add(answer);
			}, chunk.stream().map(AccountId::value).toArray());
		}
		return found;
	}

	void forEach(java.util.function.Consumer<SurveyAnswer> answers) {
		jdbc.query("select * from survey_answer", rs -> {
			answers.accept(row(rs));
		});
	}

	private static String marks(int n) {
		return String.join(",", java.util.Collections.nCopies(n, "?"));
	}

	static SurveyAnswer row(ResultSet rs) throws SQLException {
		return new SurveyAnswer(new SurveyAnswerId(rs.getObject("id", UUID.class)),
				new AccountId(rs.getObject("account_id", UUID.class)), rs.getString("contact_email"),
				SurveyKind.valueOf(rs.getString("kind")), rs.getInt("score"), rs.getString("comment"),
				instant(rs, "answered_at"), rs.getString("external_id"), instant(rs, "created_at"));
	}
}
