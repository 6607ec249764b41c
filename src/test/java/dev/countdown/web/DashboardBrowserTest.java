package dev.countdown.web;

import static dev.countdown.support.ApiClient.actor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.countdown.evidence.EvidenceBundle;
import dev.countdown.support.ApiClient;
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
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The dashboard and the playground in a real headless Chromium (Debian's, installed by .ci/run):
 * a ceremony from /release start to GO in the playground, while the release page, open in
 * another tab, follows without a reload; then the list, paged past 50 releases.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest implements TestPropertyProvider {

    /** A note that would run script if any page passed it on as HTML. */
    private static final String HOSTILE = "<script>window.pwned = 1</script> <img src=x onerror=\"window.pwned = 2\">";

    @Inject
    EmbeddedServer server;

    private Chromium browser;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(CountdownTestProperties.with(TestPostgres.newH2Database()));
        properties.put("countdown.playground.enabled", "on");
        return properties;
    }

    @BeforeAll
    void openBrowser() {
        Assumptions.assumeTrue(Chromium.installed(),
                "Chromium and chromedriver are absent: .ci/run installs them (apt-get install chromium chromium-driver)");
        browser = new Chromium();
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void aCeremonyInThePlaygroundWhileTheReleasePageFollowsLive() throws Exception {
        String base = server.getURI().toString();
        browser.driver.get(base + "/");
        assertThat(browser.text("main")).contains("No releases yet", "playground");

        browser.driver.get(base + "/playground?channel=C0SHOP001&user=U0RM00001");
        assertThat(browser.text(".notice")).contains("You act here as the user you pick", "acts on no other release",
                "COUNTDOWN_PLAYGROUND=on");
        browser.type("/release start v1.0.0");
        assertThat(browser.text(".ephemeral")).contains("Release shop v1.0.0 started.");
        assertThat(browser.text(".channel")).contains("Release shop v1.0.0", "Canary deployed to 5% of traffic");
        browser.fillDialog("Add a note: Release notes published", HOSTILE);
        assertShownAsText(".channel");

        String playground = browser.driver.getWindowHandle();
        String releaseUrl = browser.driver.findElement(By.linkText("Open this release's page")).getAttribute("href");
        browser.driver.switchTo().newWindow(WindowType.TAB).get(releaseUrl);
        String releasePage = browser.driver.getWindowHandle();
        browser.script("window.notReloaded = true;");
        assertThat(browser.text("#counters")).contains("Items 1/5 passed");
        assertThat(browser.text("[data-role='qa-lead']")).contains("AWAITED", "Awaiting U0QA00001, anyone in S0QATEAM1");
        assertThat(browser.attribute("svg.bar-large", "aria-label")).isEqualTo("1 of 5 passed, 0 failed, 4 pending");
        assertShownAsText("#live");

        browser.driver.switchTo().window(playground);
        browser.press("Pass: Canary deployed to 5% of traffic");
        browser.press("Pass: Error rate below 1%");

        browser.driver.switchTo().window(releasePage);
        browser.waitFor(() -> browser.text("#counters").contains("Items 3/5 passed"));
        assertThat(browser.script("return window.notReloaded === true;")).as("the page updated in place").isEqualTo(true);
        assertThat(browser.attribute("svg.bar-large", "aria-label")).isEqualTo("3 of 5 passed, 0 failed, 2 pending");
        assertThat(browser.script("return document.getElementById('live-status').textContent;"))
                .as("a screen reader hears what moved").isEqualTo("Updated: OPEN. Items 3/5 passed · 0 failed · approvals 0/2");

        browser.driver.switchTo().window(playground);
        browser.type("/release decide");
        assertThat(browser.text(".ephemeral")).contains("Canary Go/No-Go: GO");
        browser.actAs("U0VISITOR");
        browser.press("Approve QA Lead");
        assertThat(browser.text(".ephemeral")).contains("Only the owners of QA Lead can approve it");
        browser.actAs("U0QA00001");
        browser.press("Approve QA Lead");
        browser.actAs("U0BE00001");
        browser.press("Approve Backend Lead");

        browser.driver.switchTo().window(releasePage);
        browser.waitFor(() -> browser.text("[data-role='backend-lead']").contains("Approved by U0BE00001"));
        assertThat(browser.text("[data-role='backend-lead']")).contains("Awaiting U0BE00002")
                .doesNotContain("Awaiting U0BE00001");
        assertThat(browser.text("[data-role='qa-lead']")).contains("APPROVED", "Approved by U0QA00001")
                .doesNotContain("Awaiting");
        assertThat(browser.text(".gate-row.current")).contains("Release decision");
        assertThat(browser.script("return window.notReloaded === true;")).as("approvals updated in place").isEqualTo(true);
        browser.screenshot("release-page-1280.png", 1280);
        browser.screenshot("release-page-390.png", 390);
        assertThat(browser.fits(390)).as("the release page at 390 px needs no sideways scrolling").isTrue();

        browser.driver.switchTo().window(playground);
        browser.screenshot("playground.png", 1280);
        browser.screenshot("playground-390.png", 390);
        assertThat(browser.fits(390)).as("the playground at 390 px needs no sideways scrolling").isTrue();
        browser.actAs("U0BE00002");
        browser.press("Approve Backend Lead");
        browser.actAs("U0RM00001");
        browser.press("Pass: 100% of traffic on the new version");
        browser.press("Pass: Smoke tests pass");
        browser.type("/release decide");
        assertThat(browser.text(".ephemeral")).contains("Release decision: GO");

        browser.driver.switchTo().window(releasePage);
        browser.waitFor(() -> browser.text("#state").equals("GO"));
        assertThat(browser.text("main")).contains("Release decision: GO", "Approvals");
        browser.screenshot("release-page.png", 1280);

        String json = browser.driver.findElement(By.linkText("JSON")).getAttribute("href");
        HttpResponse<String> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(download.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        assertThat(EvidenceBundle.verify(new ObjectMapper().readTree(download.body()))).isEmpty();

        browser.driver.findElement(By.linkText("printable page")).click();
        assertThat(browser.text("#chain-head")).matches("[0-9a-f]{64}");
        assertThat(browser.text("main")).contains("evidence verify", "Release decision: GO");
        assertShownAsText("main");
        browser.screenshot("evidence.png", 1280);
        assertThat(browser.script("return getComputedStyle(document.querySelector('h1')).fontSize;"))
                .as("the printable page's own style applies under its policy").isEqualTo("25.6px");
        assertThat(browser.driver.manage().logs().get(LogType.BROWSER).getAll()).map(LogEntry::getMessage)
                .as("nothing the pages do is blocked by their Content-Security-Policy")
                .noneMatch(m -> m.contains("Content Security Policy"));
    }

    @Test
    @Order(2)
    void theListPagesPastFiftyReleasesNewestFirst() throws Exception {
        ApiClient api = new ApiClient(server.getURI(), CountdownTestProperties.TOKEN);
        for (int k = 1; k <= 55; k++) {
            assertThat(api.post("/api/releases", "{\"service\":\"shop\",\"version\":\"v2." + k + ".0\",\"actor\":"
                    + actor("slack", "U0RM00001") + "}").status()).isEqualTo(201);
        }
        browser.driver.get(server.getURI() + "/");
        assertThat(browser.text("#shown")).isEqualTo("Releases 1–50 of 56, newest first");
        assertThat(browser.driver.findElements(By.cssSelector("table.releases tbody tr"))).hasSize(50);
        assertThat(browser.text("table.releases tbody tr")).contains("v2.55.0");
        browser.find(By.linkText("Older →")).click();
        browser.waitFor(() -> browser.text("#shown").equals("Releases 51–56 of 56, newest first"));
        assertThat(browser.text("table.releases")).contains("v2.1.0", "v1.0.0").doesNotContain("v2.55.0");
        browser.screenshot("list.png", 1280);

        browser.driver.get(server.getURI() + "/?state=go");
        assertThat(browser.driver.findElements(By.cssSelector("table.releases tbody tr"))).hasSize(1);
        assertThat(browser.text("table.releases")).contains("v1.0.0");
        browser.driver.get(server.getURI() + "/?version=2.5");  // v2.5.0 and v2.50.0 to v2.55.0
        assertThat(browser.text("#shown")).isEqualTo("Releases 1–7 of 7, newest first");
    }

    /** The hostile note reads as the characters it is made of, and ran nothing. */
    private void assertShownAsText(String css) {
        browser.waitFor(() -> browser.text(css).contains(HOSTILE));
        assertThat(browser.script("return document.querySelector('img[src=\"x\"]') === null && window.pwned === undefined;"))
                .as("the note's markup stayed text").isEqualTo(true);
    }
}
