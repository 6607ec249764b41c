package dev.countdown.web;

import static dev.countdown.support.ApiClient.actor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.support.ApiClient;
import dev.countdown.support.CountdownTestProperties;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every response says nosniff; every page kind has a strict policy and nothing inline that the policy would block. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityHeadersTest implements TestPropertyProvider {

    private static final String STRICT = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>");
    private static final Pattern STYLE_ATTRIBUTE = Pattern.compile("<[^>]+\\sstyle=");

    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return CountdownTestProperties.withPlayground();
    }

    @Test
    void everyPageKindHasTheStrictPolicyAndNothingInline() throws Exception {
        String id = new ApiClient(server.getURI(), CountdownTestProperties.TOKEN).post("/api/releases",
                "{\"service\":\"shop\",\"version\":\"v1.0.0\",\"actor\":" + actor("slack", "U0RM00001") + "}")
                .json().at("/release/id").asText();
        new PlaygroundClient(server.getURI()).type("C0SHOP001", "U0RM00001", "/release start v2.0.0");
        for (String path : new String[] {"/", "/?service=nope", "/releases/" + id, "/releases/" + id + "/live",
                "/releases/nope", "/playground?channel=C0SHOP001&user=U0RM00001&said=hello"}) {
            HttpResponse<String> page = get(path);
            assertThat(page.statusCode()).as(path).isIn(200, 404);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/html");
            assertThat(page.headers().firstValue("Content-Security-Policy")).as(path).contains(STRICT);
            assertThat(page.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(INLINE_SCRIPT.matcher(page.body()).find()).as(path + " has an inline script").isFalse();
            assertThat(STYLE_ATTRIBUTE.matcher(page.body()).find()).as(path + " has a style attribute").isFalse();
            assertThat(page.body()).as(path).doesNotContain("<style");
        }
        assertThat(get("/playground?channel=C0SHOP001").body()).as("the release id reaches the script as data")
                .contains("data-playground-release=\"").contains("<script src=\"/static/playground.js\"></script>");
        var badForm = new PlaygroundClient(server.getURI()).post("/playground/click", PlaygroundClient.form("verb", "x"));
        assertThat(badForm.status()).isEqualTo(400);
    }

    @Test
    void thePrintableEvidenceAdmitsOnlyItsOwnStyleBlockByHash() throws Exception {
        String id = new ApiClient(server.getURI(), CountdownTestProperties.TOKEN).post("/api/releases",
                "{\"service\":\"shop\",\"version\":\"v3.0.0\",\"actor\":" + actor("slack", "U0RM00001") + "}")
                .json().at("/release/id").asText();
        HttpResponse<String> page = get("/releases/" + id + "/evidence.html");
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(page.body());
        assertThat(style.find()).isTrue();
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(style.group(1).getBytes(StandardCharsets.UTF_8)));
        assertThat(page.headers().allValues("Content-Security-Policy")).containsExactly("default-src 'none'; "
                + "style-src 'sha256-" + hash + "'; img-src 'self' data:; form-action 'none'; base-uri 'none'; "
                + "frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.body()).doesNotContain("<script", "<link");
    }

    @Test
    void otherResponsesSayNosniff() throws Exception {
        for (String path : new String[] {"/api/releases", "/api/releases/nope", "/static/countdown.css",
                "/static/live.js", "/health", "/no/such/page"}) {
            assertThat(get(path).headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(server.getURI().resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
