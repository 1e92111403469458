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
 * What a newcomer gets with {@code kizuna.demo.enabled=true}: a team that can sign in with the admin
 * password, accounts with contacts owned by that team, and nothing added again on the next start.
 */
class DemoCompanyIntegrationTests {

	@TempDir
	Path dataDir;

	@Test
	void aFreshInstallationGetsADemoCompanyOnce() {
		assumeFalse(TestDatabase.isPostgres(), "the demo starts its own embedded H2 database");

		try (ConfigurableApplicationContext first = start()) {
			JdbcClient jdbc = first.getBean(JdbcClient.class);
			assertThat(count(jdbc, "select count(*) from account")).isEqualTo(300);
			assertThat(count(jdbc, "select count(*) from account_domain")).isEqualTo(300);
			assertThat(count(jdbc, "select count(*) from contact")).isGreaterThanOrEqualTo(300);
			assertThat(count(jdbc, """
					select count(*) from account a
					where not exists (select 1 from contact c where c.account_id = a.id)""")).isZero();
			assertThat(count(jdbc, "select count(*) from app_user where password_hash is not null")).isEqualTo(17);
			assertThat(jdbc.sql("""
					select u.username from app_user u join app_user_role r on r.user_id = u.id
					where r.role = 'CSM'""").query(String.class).list()).hasSize(6).contains("misaki.sato",
					"emily.clarke");
			assertThat(count(jdbc, """
					select count(distinct a.owner_csm_id) from account a
					join app_user_role r on r.user_id = a.owner_csm_id and r.role = 'CSM'""")).isEqualTo(6);
			assertThat(count(jdbc, """
					select count(*) from account a join app_user u on u.id = a.owner_csm_id
					where u.username = 'misaki.sato'""")).isPositive();
			assertThat(count(jdbc, """
					select count(*) from account a join app_user u on u.id = a.owner_csm_id
					  or u.id = a.account_executive_id
					where u.username = 'admin'""")).isZero();
			assertThat(count(jdbc, """
					select count(distinct a.account_executive_id) from account a
					join app_user_role r on r.user_id = a.account_executive_id and r.role = 'SALES'""")).isEqualTo(4);
		}

		try (ConfigurableApplicationContext second = start()) {
			JdbcClient jdbc = second.getBean(JdbcClient.class);
			assertThat(count(jdbc, "select count(*) from account")).isEqualTo(300);
			assertThat(count(jdbc, "select count(*) from app_user")).isEqualTo(17);
		}
	}

	private static long count(JdbcClient jdbc, String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(KizunaApplication.class).run("--kizuna.data-dir=" + dataDir,
				"--server.port=0", "--kizuna.demo.enabled=true", "--kizuna.demo.accounts=300",
				"--kizuna.identity.admin-password=demo-password-123", "--spring.main.banner-mode=off");
	}
}
