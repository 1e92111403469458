package io.kizuna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlMatches;

import java.util.List;
import java.util.logging.Level;

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
import org.openqa.selenium.logging.LogEntry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The customer record in two real browsers at once: a CSM creates an account and adds a
 * subscription, a colleague keeps the same account open, and a note the CSM logs appears in the
 * colleague's timeline without a reload (server-sent events). Screenshots go to target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.org.openqa.selenium.devtools=error",
				"logging.level.org.openqa.selenium.chromium.ChromiumDriver=error" })
@ActiveProfiles("test")
@DisabledIfSystemProperty(named = "kizuna.test.database", matches = "postgresql")
@ExtendWith({ Browser.Installed.class, TestDatabase.class })
class CustomerRecordBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	private Browser csm;

	private Browser colleague;

	@AfterEach
	void close() {
		if (csm != null) {
			csm.close();
		}
		if (colleague != null) {
			colleague.close();
		}
	}

	@Test
	void aNoteLoggedInOneBrowserAppearsLiveInTheOther() {
		TestUsers users = new TestUsers(context);
		SignedInUser csmUser = users.create(Role.CSM);
		SignedInUser managerUser = users.create(Role.CS_MANAGER);

		csm = signedIn(csmUser);
		csm.go("/accounts/new");
		csm.find("#name").sendKeys("株式会社ライブ");
		csm.find("form.stacked button[type=submit]").click();
		csm.waitUntil(textToBePresentInElementLocated(By.tagName("h1"), "株式会社ライブ"));
		String accountPath = csm.driver().getCurrentUrl().replaceFirst("^https?://[^/]+", "");
		csm.waitUntil(textToBePresentInElementLocated(By.id("timeline-feed"), "Account created"));

		colleague = signedIn(managerUser);
		colleague.go(accountPath);
		colleague.waitUntil(textToBePresentInElementLocated(By.id("timeline-feed"), "Account created"));
		colleague.waitUntil(driver -> "connected".equals(colleague.find("#timeline").getAttribute("data-live")));
		colleague.script("window.kizunaNoReload = true");

		csm.find("#activities summary").click();
		csm.find("#activities #kind option[value=CHECK_IN]").click();
		csm.find("#activities #subject").sendKeys("11月の定例会議");
		csm.find("#activities #outcome").sendKeys("管理者トレーニングを希望");
		csm.find("#activities button[type=submit]").click();
		csm.waitUntil(textToBePresentInElementLocated(By.cssSelector("#activities ol.activities"), "11月の定例会議"));

		colleague.waitUntil(textToBePresentInElementLocated(By.id("timeline-feed"), "11月の定例会議"));
		assertThat(colleague.find("#timeline-feed").getText()).contains("Check-in", "管理者トレーニングを希望");
		assertThat(colleague.<Boolean>script("return window.kizunaNoReload === true")).as("no page reload").isTrue();
		colleague.screenshot("timeline-live.png");

		csm.go(accountPath + "/subscriptions/new");
		csm.find("#product").sendKeys("Kizuna Cloud");
		csm.find("#quantity").clear();
		csm.find("#quantity").sendKeys("10");
		csm.find("#unitPrice").sendKeys("5000");
		csm.script("arguments[0].value = '2026-11-01'", csm.find("#startDate"));
		csm.find("form.stacked button[type=submit]").click();
		csm.waitUntil(urlMatches("/accounts/[0-9a-f-]+#subscriptions$"));
		assertThat(csm.find("ul.cards.summary").getText()).contains("¥50,000", "¥600,000");
		csm.waitUntil(textToBePresentInElementLocated(By.id("subscriptions"), "Kizuna Cloud"));
		csm.screenshot("account-with-subscription.png");

		colleague.waitUntil(textToBePresentInElementLocated(By.id("timeline-feed"), "Subscription added"));
		assertThat(colleague.find("#timeline-feed").getText()).contains("MRR ¥0 → ¥50,000");

		assertNoConsoleErrors(csm);
		assertNoConsoleErrors(colleague);
	}

	/** A CSM imports a Salesforce export saved by Excel in Japan, fixes nothing, and sees what was rejected and why. */
	@Test
	void aCsmImportsASalesforceExportAndWatchesItsProgress() throws Exception {
		SignedInUser csmUser = new TestUsers(context).create(Role.CSM);
		String tag = Long.toString(System.nanoTime(), 36);
		StringBuilder csv = new StringBuilder("取引先 ID,取引先名,Web サイト,従業員数,請求先国\r\n");
		for (int i = 0; i < 300; i++) {
			csv.append("001B%s%03d,株式会社ブラウザ%s%03d,web%03d-%s.example.jp,\"1,%03d\",日本\r\n".formatted(tag, i, tag, i, i,
					tag, i));
		}
		csv.append("001B%s999,不正な行,bad-%s.example.jp,たくさん,日本\r\n".formatted(tag, tag));
		java.nio.file.Path file = java.nio.file.Files.createTempFile("取引先", ".csv");
		java.nio.file.Files.write(file, csv.toString().getBytes(java.nio.charset.Charset.forName("windows-31j")));

		csm = signedIn(csmUser);
		csm.find("form.language-switch button[value=ja]").click();
		csm.waitUntil(org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "ja"));
		csm.go("/accounts");
		csm.driver().findElement(By.linkText("CSVインポート")).click();
		csm.waitUntil(urlMatches("/imports$"));
		csm.find("#file").sendKeys(file.toAbsolutePath().toString());
		csm.find("form.inline-form button[type=submit]").click();
		csm.waitUntil(urlMatches("/imports/[0-9a-f-]+$"));
		assertThat(csm.find("#content").getText()).contains("301 行", "Shift_JIS", "株式会社ブラウザ" + tag + "000");
		assertThat(csm.find("#mapping-1 option[selected]").getAttribute("value")).isEqualTo("name");
		csm.screenshot("import-mapping-ja.png");

		csm.find("#mapping button[type=submit]").click();
		csm.waitUntil(textToBePresentInElementLocated(By.id("check"), "300 行をインポートできます"));
		assertThat(csm.find("#check table.problems").getText()).contains("302", "たくさん");
		csm.find("#check form button[type=submit]").click();
		csm.waitUntil(textToBePresentInElementLocated(By.id("status"), "インポート完了"));
		assertThat(csm.find("#status").getText()).contains("新規 300 件", "エラー 1 行");
		csm.screenshot("import-done-ja.png");

		csm.go("/accounts?q=" + "ブラウザ" + tag);
		csm.waitUntil(textToBePresentInElementLocated(By.id("account-table"), "全 300 件"));
		assertNoConsoleErrors(csm);
	}

	private Browser signedIn(SignedInUser user) {
		return Browser.signedIn("http://localhost:" + port, user.getUsername(), TestUsers.PASSWORD);
	}

	private static void assertNoConsoleErrors(Browser browser) {
		List<LogEntry> console = browser.console();
		console.forEach(entry -> System.out.println("browser console: " + entry));
		assertThat(console).filteredOn(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.as("browser console errors")
			.isEmpty();
	}
}
