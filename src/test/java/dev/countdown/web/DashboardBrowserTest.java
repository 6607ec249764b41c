package dev.countdown.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.countdown.evidence.EvidenceBundle;
import dev.countdown.support.CountdownTestProperties;
import dev.countdown.support.TestPostgres;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard and the playground in a real headless Chromium (Debian's, installed by .ci/run):
 * a ceremony from /release start to GO in the playground, while the release page, open in
 * another tab, follows without a reload.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest implements TestPropertyProvider {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @Inject
    EmbeddedServer server;

    private WebDriver browser;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(CountdownTestProperties.with(TestPostgres.newH2Database()));
        properties.put("countdown.playground.enabled", "on");
        return properties;
    }

    @BeforeAll
    void openBrowser() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium and chromedriver are absent: .ci/run installs them (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toString()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,2000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(),
                options);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aCeremonyInThePlaygroundWhileTheReleasePageFollowsLive() throws Exception {
        String base = server.getURI().toString();
        browser.get(base + "/");
        assertThat(text("main")).contains("No releases yet", "playground");

        browser.get(base + "/playground?channel=C0SHOP001&user=U0RM00001");
        assertThat(text(".notice")).contains("You act here as the user you pick", "acts on no other release",
                "COUNTDOWN_PLAYGROUND=on");
        type("/release start v1.0.0");
        assertThat(text(".ephemeral")).contains("Release shop v1.0.0 started.");
        assertThat(text(".channel")).contains("Release shop v1.0.0", "Canary deployed to 5% of traffic");

        String playground = browser.getWindowHandle();
        String releaseUrl = browser.findElement(By.linkText("Open this release's page")).getAttribute("href");
        browser.switchTo().newWindow(WindowType.TAB).get(releaseUrl);
        String releasePage = browser.getWindowHandle();
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");
        assertThat(text("#counters")).contains("Items 1/5 passed");

        browser.switchTo().window(playground);
        press("Pass: Canary deployed to 5% of traffic");
        press("Pass: Error rate below 1%");

        browser.switchTo().window(releasePage);
        waitFor(() -> text("#counters").contains("Items 3/5 passed"));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true;"))
                .as("the page updated in place").isEqualTo(true);

        browser.switchTo().window(playground);
        type("/release decide");
        assertThat(text(".ephemeral")).contains("Canary Go/No-Go: GO");
        actAs("U0VISITOR");
        press("Approve QA Lead");
        assertThat(text(".ephemeral")).contains("Only the owners of QA Lead can approve it");
        actAs("U0QA00001");
        press("Approve QA Lead");
        actAs("U0BE00001");
        press("Approve Backend Lead");
        actAs("U0BE00002");
        press("Approve Backend Lead");
        actAs("U0RM00001");
        press("Pass: 100% of traffic on the new version");
        press("Pass: Smoke tests pass");
        type("/release decide");
        assertThat(text(".ephemeral")).contains("Release decision: GO");

        browser.switchTo().window(releasePage);
        waitFor(() -> text("#state").equals("GO"));
        assertThat(text("main")).contains("Release decision: GO", "Approvals");
        Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(screenshots.resolve("release-page.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        String json = browser.findElement(By.linkText("JSON")).getAttribute("href");
        HttpResponse<String> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(download.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        assertThat(EvidenceBundle.verify(new ObjectMapper().readTree(download.body()))).isEmpty();

        browser.findElement(By.linkText("printable page")).click();
        assertThat(text("#chain-head")).matches("[0-9a-f]{64}");
        assertThat(text("main")).contains("evidence verify", "Release decision: GO");
        assertThat(((JavascriptExecutor) browser).executeScript(
                "return getComputedStyle(document.querySelector('h1')).fontSize;"))
                .as("the printable page's own style applies under its policy").isEqualTo("25.6px");
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll()).map(LogEntry::getMessage)
                .as("nothing the pages do is blocked by their Content-Security-Policy")
                .noneMatch(m -> m.contains("Content Security Policy"));
    }

    private void type(String message) {
        var input = find(By.id("text"));
        input.sendKeys(message);
        input.submit();
        gone(input);
        loaded();
    }

    /** Clicks a button, first opening the item's menu it sits in, and waits for the page it submits to. */
    private void press(String label) {
        By by = By.cssSelector("button[aria-label='" + label.replace("'", "\\'") + "']");
        var menu = browser.findElements(By.xpath("//details[.//button[@aria-label=\"" + label + "\"]]/summary"));
        if (!menu.isEmpty() && !browser.findElement(by).isDisplayed()) {
            menu.getFirst().click();
        }
        var button = find(by);
        button.click();
        gone(button);
        loaded();
    }

    /**
     * Waits until the element's page has been replaced. ChromeDriver reports such an element as
     * stale, or as a node that "does not belong to the document": both mean gone.
     */
    private void gone(org.openqa.selenium.WebElement element) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> {
            try {
                element.isEnabled();
                return false;
            } catch (WebDriverException replaced) {
                return true;
            }
        });
    }

    private void loaded() {
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(WebDriverException.class).until(d ->
                "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private void actAs(String user) {
        new Select(find(By.id("user"))).selectByValue(user);
        press("Switch");
    }

    /** A clickable element; a page swapped while looking (a live update, a navigation) is looked at again. */
    private org.openqa.selenium.WebElement find(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(WebDriverException.class)
                .until(ExpectedConditions.elementToBeClickable(by));
    }

    /** The element's text; the live page may swap the element between finding and reading it. */
    private String text(String css) {
        return new WebDriverWait(browser, Duration.ofSeconds(5)).ignoring(WebDriverException.class)
                .until(d -> d.findElement(By.cssSelector(css)).getText());
    }

    private void waitFor(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(WebDriverException.class)
                .until(d -> condition.getAsBoolean());
    }
}
