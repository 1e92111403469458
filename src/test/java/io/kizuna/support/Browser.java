package io.kizuna.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * A headless Debian Chromium, driven by the Debian chromedriver, for browser tests. Both paths are
 * given explicitly so that Selenium Manager never tries to download a browser or driver. Each
 * instance has its own empty profile, an English UI and records the browser console.
 */
public final class Browser implements AutoCloseable {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final String baseUrl;

	private final Path profile;

	private final ChromeDriver driver;

	private final WebDriverWait wait;

	private Browser(String baseUrl) throws IOException {
		this.baseUrl = baseUrl;
		this.profile = Files.createTempDirectory("kizuna-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		// Running as root in a container, with no network but Maven Central.
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--no-first-run", "--disable-quic", "--user-data-dir=" + profile, "--lang=en-US",
				"--window-size=1280,900");
		// Accept-Language decides the language of the first page, before any cookie exists.
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
		LoggingPreferences logging = new LoggingPreferences();
		logging.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logging);
		System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		try {
			this.driver = new ChromeDriver(service, options);
		}
		catch (RuntimeException browserDidNotStart) {
			FileSystemUtils.deleteRecursively(profile.toFile());
			throw browserDidNotStart;
		}
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
		// htmx swaps parts of the page while a condition is being checked; look again rather than fail.
		this.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
	}

	/**
	 * Skips the tests of a class when Chromium or chromedriver is missing, unless
	 * KIZUNA_REQUIRE_BROWSER=true (CI), where a missing browser is a failure.
	 */
	public static class Installed implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
				return ConditionEvaluationResult.enabled("Chromium and chromedriver installed");
			}
			if ("true".equals(System.getenv("KIZUNA_REQUIRE_BROWSER"))) {
				throw new IllegalStateException("KIZUNA_REQUIRE_BROWSER=true but " + CHROMIUM + " or " + CHROMEDRIVER
						+ " is missing: apt-get install chromium chromium-driver fonts-ipafont-gothic");
			}
			return ConditionEvaluationResult.disabled("no " + CHROMIUM + " or " + CHROMEDRIVER
					+ " (apt-get install chromium chromium-driver fonts-ipafont-gothic)");
		}
	}

	/** A desktop-sized (1280x900) window on the application at this address. */
	public static Browser open(String baseUrl) {
		try {
			return new Browser(baseUrl);
		}
		catch (IOException noTempDirectory) {
			throw new UncheckedIOException(noTempDirectory);
		}
	}

	/** A browser on the application at this address, signed in through the login form. */
	public static Browser signedIn(String baseUrl, String username, String password) {
		Browser browser = open(baseUrl);
		browser.go("/login");
		WebElement form = browser.find("form.stacked");
		form.findElement(By.id("username")).sendKeys(username);
		form.findElement(By.id("password")).sendKeys(password);
		form.findElement(By.cssSelector("button[type=submit]")).click();
		browser.waitUntil(org.openqa.selenium.support.ui.ExpectedConditions.urlMatches("/$"));
		return browser;
	}

	/**
	 * Makes the page see a phone screen of this size (CSS pixels, touch, meta viewport honoured).
	 * Resizing the window is not enough: headless Chromium keeps windows at least 500 pixels wide.
	 */
	public void emulatePhone(int width, int height) {
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
		driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true));
	}

	public ChromeDriver driver() {
		return driver;
	}

	public void go(String path) {
		driver.get(baseUrl + path);
	}

	public <T> T waitUntil(ExpectedCondition<T> condition) {
		return wait.until(condition);
	}

	public WebElement find(String css) {
		return driver.findElement(By.cssSelector(css));
	}

	public List<String> texts(String css) {
		return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
	}

	@SuppressWarnings("unchecked")
	public <T> T script(String script, Object... arguments) {
		return (T) ((JavascriptExecutor) driver).executeScript(script, arguments);
	}

	public void screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			File shot = driver.getScreenshotAs(OutputType.FILE);
			Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException unwritable) {
			throw new UncheckedIOException(unwritable);
		}
	}

	/** Console entries since the last call, over all pages visited. */
	public List<LogEntry> console() {
		return driver.manage().logs().get(LogType.BROWSER).getAll();
	}

	@Override
	public void close() {
		try {
			driver.quit();
		}
		finally {
			FileSystemUtils.deleteRecursively(profile.toFile());
		}
	}
}
