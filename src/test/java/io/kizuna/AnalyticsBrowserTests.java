package io.kizuna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlMatches;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * An executive opens the analytics dashboard in Japanese: the key figures, the charts drawn by
 * Chart.js from the JSON endpoint, and a click on the churn bar that lists the account behind it.
 * Screenshots go to target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.org.openqa.selenium.devtools=error",
				"logging.level.org.openqa.selenium.chromium.ChromiumDriver=error" })
@ActiveProfiles("test")
@DisabledIfSystemProperty(named = "kizuna.test.database", matches = "postgresql")
@ExtendWith({ Browser.Installed.class, TestDatabase.class })
class AnalyticsBrowserTests {

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
	void theDashboardDrawsItsChartsAndABarLeadsToTheAccountsBehindIt() throws Exception {
		TestUsers users = new TestUsers(context);
		token = "Bearer " + users.tokenFor(users.create(Role.CSM));
		String plan = "Browser-" + UUID.randomUUID().toString().substring(0, 8);
		YearMonth first = YearMonth.now().minusMonths(5);
		String stays = account("株式会社ずっと", plan);
		String leaves = account("去る株式会社", plan);
		subscribe(stays, first.atDay(3).toString(), null);
		subscribe(leaves, first.atDay(5).toString(), first.plusMonths(3).atDay(10).toString());
		awaitMetrics(plan);

		browser = signedIn(users.create(Role.VIEWER));
		browser.find("form.language-switch button[value=ja]").click();
		browser.waitUntil(attributeToBe(By.tagName("html"), "lang", "ja"));
		browser.go("/analytics?plan=" + plan + "&from=" + first + "&to=" + first.plusMonths(5));
		browser.waitUntil(attributeToBe(By.id("charts"), "data-drawn", "true"));
		assertThat(browser.find("[data-kpi=mrr]").getText()).isEqualTo("￥30,000");
		assertThat(browser.find("[data-kpi=customers]").getText()).isEqualTo("1");
		assertThat(browser.find("#movements-table").getText()).contains("新規", "解約", "￥30,000");
		browser.screenshot("analytics-ja.png");
		byte[] pdf = java.util.Base64.getDecoder()
			.decode(browser.driver().print(new org.openqa.selenium.print.PrintOptions()).getContent());
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/screenshots"));
		java.nio.file.Files.write(java.nio.file.Path.of("target/screenshots/analytics-ja.pdf"), pdf);

		clickBar("chart-movements", 4, 3); // churn, fourth month
		browser.waitUntil(urlContains("/analytics/drill"));
		browser.waitUntil(textToBePresentInElementLocated(By.tagName("h1"), "の解約"));
		assertThat(browser.find("#drill-table").getText()).contains("去る株式会社", "￥30,000")
			.doesNotContain("株式会社ずっと");
		browser.screenshot("analytics-drill-ja.png");
		assertThat(browser.console()).noneMatch(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue());
	}

	/** Clicks the centre of one bar, found through Chart.js's own layout of the chart. */
	private void clickBar(String canvasId, int dataset, int index) {
		List<Number> point = browser.script("var p = Chart.getChart(arguments[0]).getDatasetMeta(arguments[1])"
				+ ".data[arguments[2]].getCenterPoint(); return [p.x, p.y];", canvasId, dataset, index);
		WebElement canvas = browser.find("#" + canvasId);
		browser.script("arguments[0].scrollIntoView({block: 'center'})", canvas);
		int x = (int) Math.round(point.get(0).doubleValue() - canvas.getRect().getWidth() / 2.0);
		int y = (int) Math.round(point.get(1).doubleValue() - canvas.getRect().getHeight() / 2.0);
		new Actions(browser.driver()).moveToElement(canvas, x, y).click().perform();
	}

	private String account(String name, String plan) throws Exception {
		String body = call("POST", "/api/v1/accounts",
				"{\"name\":\"%s\",\"stage\":\"ADOPTION\",\"plan\":\"%s\"}".formatted(name, plan));
		return JsonPath.read(body, "$.id");
	}

	/** ¥30,000 a month (10 seats at ¥3,000) from {@code start}, cancelled on {@code cancelled} if given. */
	private void subscribe(String account, String start, String cancelled) throws Exception {
		String terms = """
				{"accountId":"%s","product":"Kizuna Cloud","quantity":10,"unitPrice":"3000","currency":"JPY",
				 "billingPeriod":"MONTHLY","startDate":"%s","autoRenew":false,"status":"ACTIVE"}""".formatted(account, start);
		String created = call("POST", "/api/v1/subscriptions", terms);
		if (cancelled != null) {
			String id = JsonPath.read(created, "$.id");
			call("PUT", "/api/v1/subscriptions/" + id, terms.replace("\"ACTIVE\"}", "\"CANCELLED\",\"cancelledOn\":\""
					+ cancelled + "\",\"effectiveDate\":\"" + cancelled + "\",\"version\":1}"));
		}
	}

	private void awaitMetrics(String plan) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
		while (Instant.now().isBefore(deadline)) {
			String body = call("GET", "/api/v1/metrics?plan=" + plan, null);
			if (((Number) JsonPath.read(body, "$.summary.movementCounts.churn")).intValue() == 1) {
				return;
			}
			Thread.onSpinWait();
		}
		throw new AssertionError("the metrics never showed the churn");
	}

	private String call(String method, String path, String json) throws Exception {
		return new io.kizuna.support.TestApi(port, token).call(method, path, json);
	}

	private Browser signedIn(SignedInUser user) {
		return Browser.signedIn("http://localhost:" + port, user.getUsername(), TestUsers.PASSWORD);
	}
}
