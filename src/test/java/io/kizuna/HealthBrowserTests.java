package io.kizuna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

import java.time.LocalDate;
import java.util.UUID;
import java.util.logging.Level;

import com.jayway.jsonpath.JsonPath;

import io.kizuna.identity.Role;
import io.kizuna.identity.SignedInUser;
import io.kizuna.identity.internal.TestUsers;
import io.kizuna.support.Browser;
import io.kizuna.support.TestDatabase;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * A CSM reads an account's health in Japanese, says how they feel about the customer and overrides the
 * score, each answered in place; an admin backtests a scorecard and is told plainly why a change is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.org.openqa.selenium.devtools=error",
				"logging.level.org.openqa.selenium.chromium.ChromiumDriver=error" })
@ActiveProfiles("test")
@DisabledIfSystemProperty(named = "kizuna.test.database", matches = "postgresql")
@ExtendWith({ Browser.Installed.class, TestDatabase.class })
class HealthBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	private Browser browser;

	private String token;

	@AfterEach
	void close() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void aCsmReadsWhyAndAddsTheirJudgementAndAnAdminBacktests() throws Exception {
		TestUsers users = new TestUsers(context);
		token = "Bearer " + users.tokenFor(users.create(Role.CSM));
		String account = JsonPath.read(call("POST", "/api/v1/accounts",
				"{\"name\":\"健康株式会社 " + UUID.randomUUID().toString().substring(0, 6) + "\",\"stage\":\"ADOPTION\"}"), "$.id");
		call("POST", "/api/v1/subscriptions", """
				{"accountId":"%s","product":"Kizuna Cloud","quantity":10,"unitPrice":"3000","currency":"JPY",
				 "billingPeriod":"MONTHLY","startDate":"%s","autoRenew":false,"status":"ACTIVE"}"""
			.formatted(account, LocalDate.now().minusMonths(2)));

		browser = signedIn(users.create(Role.CSM));
		browser.find("form.language-switch button[value=ja]").click();
		browser.waitUntil(attributeToBe(By.tagName("html"), "lang", "ja"));
		// Scores follow the subscription within moments; the section is read once it has one.
		String score = null;
		for (int attempt = 0; attempt < 50 && score == null; attempt++) {
			browser.go("/accounts/" + account);
			browser.waitUntil(presenceOfElementLocated(By.cssSelector("#health h2")));
			browser.waitUntil(d -> !d.findElements(By.cssSelector("#health table, #health p.muted")).isEmpty());
			score = browser.driver().findElements(By.cssSelector("[data-health=score]")).stream().findFirst()
				.map(e -> e.getText()).orElse(null);
			if (score == null) {
				Thread.sleep(200);
			}
		}
		assertThat(score).as("a score appears").isNotNull();
		assertThat(browser.find("#health-explanation").getText()).contains("アクティブユーザー 0 人 / 10 席", "有償契約中");

		new Select(browser.find("#health-sentiment")).selectByValue("POSITIVE");
		browser.find("#health form[action$='/sentiment'] button").click();
		browser.waitUntil(textToBePresentInElementLocated(By.cssSelector("[data-health=sentiment]"), "ポジティブ"));
		assertThat(browser.find("#health-explanation").getText()).contains("CSMの所感: ポジティブ: 100/100");

		browser.find("#override-score").sendKeys("85");
		browser.find("#override-reason").sendKeys("更新の合意済み");
		browser.find("#health form[action$='/override'] button").click();
		browser.waitUntil(presenceOfElementLocated(By.cssSelector("[data-health=override]")));
		assertThat(browser.find("[data-health=score]").getText()).isEqualTo("85");
		assertThat(browser.find("[data-health=band]").getText()).isEqualTo("良好");
		assertThat(browser.find("[data-health=override]").getText()).contains("更新の合意済み");
		browser.screenshot("health-account-ja.png");

		browser.close();
		browser = signedIn(users.create(Role.ADMIN));
		browser.go("/admin/health");
		browser.find("#scorecards a").click();
		browser.waitUntil(presenceOfElementLocated(By.id("scorecard-form")));
		browser.find("#scorecard-form button[value=backtest]").click();
		browser.waitUntil(presenceOfElementLocated(By.id("backtest")));
		assertThat(browser.find("#backtest").getText()).contains("ROC AUC", "paying accounts had a score");
		browser.find("#good").clear();
		browser.find("#good").sendKeys("30");
		browser.find("#scorecard-form button[value=save]").click();
		browser.waitUntil(textToBePresentInElementLocated(By.cssSelector("#scorecard-form .alert"), "must be above"));
		browser.screenshot("health-scorecard.png");
		assertThat(browser.console()).noneMatch(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue());
	}

	private String call(String method, String path, String json) throws Exception {
		return new io.kizuna.support.TestApi(port, token).call(method, path, json);
	}

	private Browser signedIn(SignedInUser user) {
		return Browser.signedIn("http://localhost:" + port, user.getUsername(), TestUsers.PASSWORD);
	}
}
