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
			assertStoryOfSubscriptionsAndActivities(jdbc);
			assertStoryOfSurveysAndUsage(jdbc);
		}

		try (ConfigurableApplicationContext second = start()) {
			JdbcClient jdbc = second.getBean(JdbcClient.class);
			assertThat(count(jdbc, "select count(*) from account")).isEqualTo(300);
			assertThat(count(jdbc, "select count(*) from app_user")).isEqualTo(17);
		}
	}

	/** Three years of contracts that follow each account's stage, and the activities around them. */
	private static void assertStoryOfSubscriptionsAndActivities(JdbcClient jdbc) {
		assertThat(count(jdbc, """
				select count(*) from account a
				where not exists (select 1 from subscription s where s.account_id = a.id)""")).isZero();
		// Churned customers pay nothing any more; their last contract was cancelled with a reason.
		assertThat(count(jdbc, """
				select count(*) from account a join subscription s on s.account_id = a.id
				where a.lifecycle_stage = 'CHURNED' and s.status = 'ACTIVE'""")).isZero();
		assertThat(count(jdbc, """
				select count(*) from subscription s join account a on a.id = s.account_id
				where a.lifecycle_stage = 'CHURNED' and s.status = 'CANCELLED' and s.cancelled_on is not null
				  and s.cancellation_reason is not null""")).isEqualTo(
				count(jdbc, "select count(*) from account where lifecycle_stage = 'CHURNED'"));
		// The account's MRR is what its active subscriptions add up to, and it renews in the future.
		assertThat(count(jdbc, """
				select count(*) from account a
				where coalesce(a.mrr, 0) <> coalesce((select sum(s.mrr) from subscription s
				                                      where s.account_id = a.id and s.status = 'ACTIVE'), 0)""")).isZero();
		assertThat(count(jdbc, "select count(*) from account where mrr is not null and renewal_date <= current_date"))
			.isZero();
		// New business, expansion, contraction, cross-sell and reactivation all happen.
		assertThat(count(jdbc, "select count(*) from subscription_change where mrr_after > mrr_before and kind = 'CHANGED'"))
			.isPositive();
		assertThat(count(jdbc, "select count(*) from subscription_change where mrr_after < mrr_before and kind = 'CHANGED'"))
			.isPositive();
		assertThat(count(jdbc, "select count(*) from subscription where product = 'Kizuna Guides'")).isPositive();
		assertThat(count(jdbc, """
				select count(*) from account a where a.lifecycle_stage <> 'CHURNED'
				  and exists (select 1 from subscription s where s.account_id = a.id and s.status = 'CANCELLED')
				  and exists (select 1 from subscription s where s.account_id = a.id and s.status = 'ACTIVE')""")).isPositive();
		assertThat(count(jdbc, "select count(distinct currency) from subscription")).isEqualTo(3);
		assertThat(count(jdbc, "select count(*) from activity")).isGreaterThan(300);
		assertThat(count(jdbc, "select count(*) from timeline_entry")).isEqualTo(
				count(jdbc, "select count(*) from activity") + count(jdbc, "select count(*) from subscription_change"));
	}

	/** Customers who grow recommend Kizuna and use it; churned ones detract and have stopped using it. */
	private static void assertStoryOfSurveysAndUsage(JdbcClient jdbc) {
		double growing = jdbc.sql("""
				select avg(cast(s.score as double precision)) from survey_answer s join account a on a.id = s.account_id
				where s.kind = 'NPS' and a.lifecycle_stage = 'EXPANSION'""").query(Double.class).single();
		double leaving = jdbc.sql("""
				select avg(cast(s.score as double precision)) from survey_answer s join account a on a.id = s.account_id
				where s.kind = 'NPS' and a.lifecycle_stage = 'CHURNED'""").query(Double.class).single();
		assertThat(growing).isGreaterThan(leaving + 2);
		assertThat(count(jdbc, "select count(*) from survey_answer where kind = 'CSAT'")).isPositive();
		assertThat(count(jdbc, """
				select count(*) from usage_daily_user u join account a on a.id = u.account_id
				where a.lifecycle_stage = 'CHURNED'""")).isZero();
		assertThat(count(jdbc, """
				select count(distinct u.account_id) from usage_daily_user u join account a on a.id = u.account_id
				where a.lifecycle_stage = 'EXPANSION'""")).isEqualTo(
				count(jdbc, "select count(*) from account where lifecycle_stage = 'EXPANSION'"));
		assertThat(count(jdbc, "select count(*) from usage_group where account_id is null")).isZero();
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
