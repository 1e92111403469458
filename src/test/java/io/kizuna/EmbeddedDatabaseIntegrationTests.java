package io.kizuna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Path;

import io.kizuna.support.TestDatabase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded default a newcomer gets: started with only a data directory, Kizuna keeps its H2
 * database there, creates the admin once, and finds everything again after a restart.
 */
class EmbeddedDatabaseIntegrationTests {

	@TempDir
	Path dataDir;

	@Test
	void keepsItsDataInTheDataDirectoryAcrossRestarts() {
		assumeFalse(TestDatabase.isPostgres(), "this test is about the embedded H2 default");

		try (ConfigurableApplicationContext first = start()) {
			JdbcClient jdbc = first.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select username from app_user").query(String.class).list()).containsExactly("admin");
			jdbc.sql("update app_user set display_name = 'Kept across restarts' where username = 'admin'").update();
		}
		assertThat(dataDir.resolve("db/kizuna.mv.db")).exists();

		try (ConfigurableApplicationContext second = start()) {
			JdbcClient jdbc = second.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select display_name from app_user").query(String.class).list())
				.containsExactly("Kept across restarts");
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(KizunaApplication.class).run("--kizuna.data-dir=" + dataDir,
				"--server.port=0", "--kizuna.identity.admin-password=",
				"--spring.main.banner-mode=off");
	}
}
