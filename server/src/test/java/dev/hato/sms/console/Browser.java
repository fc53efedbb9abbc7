package dev.hato.sms.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver. Both paths are explicit, so
 * Selenium Manager never downloads a browser or a driver; a missing browser fails the test (CI
 * installs it), it is never skipped.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    final ChromeDriver driver;
    String base;
    private final Path profile;

    private static Browser shared;

    /**
     * The one Chromium of the test JVM, as a fresh browser for {@code base} (starting one costs about
     * 1.5 s of a core, which every browser test class used to pay); closed when the JVM ends.
     */
    static synchronized Browser shared(String base) {
        if (shared == null) {
            shared = new Browser(base);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "close-chromium"));
        } else {
            shared.reset();
            shared.base = base;
            shared.reset();
        }
        return shared;
    }

    Browser(String base) {
        assertThat(new File(CHROMIUM))
                .as("Chromium (Debian package chromium; .ci/run installs it)")
                .exists();
        assertThat(new File(CHROMEDRIVER))
                .as("chromedriver (Debian package chromium-driver)")
                .exists();
        try {
            this.profile = Files.createTempDirectory("hato-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile,
                "--window-size=1280,800",
                "--lang=ja");
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        this.base = base;
        sizeViewport();
    }

    /** As a fresh browser: no cookies, storage or cache of the console, nothing logged, a 1280x800 viewport. */
    void reset() {
        driver.get("about:blank");
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", base, "storageTypes", "all"));
        driver.manage().logs().get("browser");
        sizeViewport();
    }

    // The screenshots are of a 1280x800 viewport: the window is that plus whatever frame it has.
    private void sizeViewport() {
        driver.manage().window().setSize(new Dimension(1280, 800));
        long frame =
                (Long) ((JavascriptExecutor) driver).executeScript("return window.outerHeight - window.innerHeight");
        driver.manage().window().setSize(new Dimension(1280, 800 + (int) frame));
    }

    /** The viewport in CSS pixels, as 200 % browser zoom would make it. */
    void zoom(int percent) {
        long frameH = (Long) script("return window.outerHeight - window.innerHeight");
        long frameW = (Long) script("return window.outerWidth - window.innerWidth");
        driver.manage().window().setSize(new Dimension((int) (1280 * 100 / percent + frameW), (int)
                (800 * 100 / percent + frameH)));
    }

    void open(String hash) {
        driver.get(base + "/" + hash);
    }

    /** Retries until the condition holds, also when the page re-rendered the element it was reading. */
    <T> T waitFor(Function<WebDriver, T> condition) {
        // Polled every 25 ms (Selenium's default is 500 ms, which every wait would pay in full).
        return new WebDriverWait(driver, Duration.ofSeconds(15))
                .pollingEvery(Duration.ofMillis(25))
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    WebElement find(String css) {
        return waitFor(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    String mainText() {
        return driver.findElement(By.id("main")).getText();
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    void heading(String text) {
        waitFor(d -> d.findElement(By.cssSelector("main h1")).getText().contains(text));
    }

    void login(String username, String password) {
        find("#login-username").sendKeys(username);
        driver.findElement(By.id("login-password")).sendKeys(password);
        driver.findElement(By.cssSelector("form.login button[type=submit]")).click();
        try {
            waitFor(d -> !d.getCurrentUrl().contains("#/login"));
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("failed-login");
            throw new AssertionError(
                    "login did not leave the login page: " + driver.getCurrentUrl() + " " + mainText() + " "
                            + consoleMessages(),
                    e);
        }
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** axe-core's WCAG 2.1 A/AA rules on the current screen: the serious and critical violations. */
    List<String> seriousAccessibilityViolations() {
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"))
                .analyze(driver);
        return results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(Browser::describe)
                .toList();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream()
                        .map(n -> String.valueOf(n.getTarget()))
                        .toList();
    }

    List<String> consoleMessages() {
        return driver.manage().logs().get("browser").getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage())
                .toList();
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }
}
