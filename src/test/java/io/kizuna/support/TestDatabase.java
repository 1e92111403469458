package io.kizuna.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Prepares the PostgreSQL suite: when {@code kizuna.test.database=postgresql}, the test database
 * named in {@code spring.datasource.url} is dropped and created afresh once per test run, so every
 * run starts from an empty schema. Without a reachable server the suite is skipped, unless
 * KIZUNA_REQUIRE_POSTGRES=true (CI), where a missing server is a failure.
 */
public class TestDatabase implements ExecutionCondition {

	private static volatile Boolean prepared;

	public static boolean isPostgres() {
		return "postgresql".equals(System.getProperty("kizuna.test.database"));
	}

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (!isPostgres()) {
			return ConditionEvaluationResult.enabled("embedded H2");
		}
		if (prepared == null) {
			synchronized (TestDatabase.class) {
				if (prepared == null) {
					prepared = recreate();
				}
			}
		}
		if (prepared) {
			return ConditionEvaluationResult.enabled("PostgreSQL test database ready");
		}
		if ("true".equals(System.getenv("KIZUNA_REQUIRE_POSTGRES"))) {
			throw new IllegalStateException("KIZUNA_REQUIRE_POSTGRES=true but no PostgreSQL answers at "
					+ System.getProperty("spring.datasource.url"));
		}
		return ConditionEvaluationResult.disabled("no PostgreSQL server reachable");
	}

	private static boolean recreate() {
		String url = System.getProperty("spring.datasource.url");
		int slash = url.lastIndexOf('/');
		String database = url.substring(slash + 1).replaceAll("[?;].*", "");
		if (!database.matches("[a-z0-9_]+")) {
			throw new IllegalStateException("Unexpected test database name: " + database);
		}
		String adminUrl = url.substring(0, slash + 1) + "postgres";
		try (Connection connection = DriverManager.getConnection(adminUrl,
				System.getProperty("spring.datasource.username"), System.getProperty("spring.datasource.password", ""));
				Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + database + " with (force)");
			statement.execute("create database " + database);
			return true;
		}
		catch (SQLException unreachable) {
			return false;
		}
	}
}
