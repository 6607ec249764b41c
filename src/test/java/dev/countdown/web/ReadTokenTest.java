package dev.countdown.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.countdown.support.CountdownTestProperties;
import dev.countdown.support.TestPostgres;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** With a read token set, reading needs it (or the API token), as Bearer or Basic; health and static files stay open. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadTokenTest implements TestPropertyProvider {

    private static final String READ = "read-token-9876543210";

    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(CountdownTestProperties.with(TestPostgres.newH2Database()));
        properties.put("countdown.api.read-token", READ);
        properties.put("countdown.playground.enabled", "on");
        return properties;
    }

    @Test
    void theApiNeedsTheReadTokenOrTheApiToken() throws Exception {
        HttpResponse<String> anonymous = get("/api/releases", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(new ObjectMapper().readTree(anonymous.body()).get("error").asText())
                .isEqualTo("This Countdown needs its read token. Send Authorization: Bearer <COUNTDOWN_READ_TOKEN or "
                        + "COUNTDOWN_API_TOKEN>.");
        assertThat(anonymous.headers().allValues("WWW-Authenticate")).contains("Bearer realm=\"countdown\"");

        HttpResponse<String> wrong = get("/api/releases", "Bearer not-the-token");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("The token is not valid.");
        assertThat(get("/api/releases", "Bearer " + READ.substring(1)).statusCode()).isEqualTo(401);
        assertThat(get("/api/releases", basic("countdown", "nope")).statusCode()).isEqualTo(401);

        assertThat(get("/api/releases", "Bearer " + READ).statusCode()).isEqualTo(200);
        assertThat(get("/api/releases", "Bearer " + CountdownTestProperties.TOKEN).statusCode()).isEqualTo(200);
        assertThat(get("/api/releases", basic("anyone", READ)).statusCode()).isEqualTo(200);
        assertThat(get("/api/releases/rnope/timeline", "Bearer " + READ).statusCode()).as("read, then not found")
                .isEqualTo(404);
    }

    @Test
    void pagesAskTheBrowserForItAndWritesStillNeedTheApiToken() throws Exception {
        for (String path : new String[] {"/", "/releases/r1", "/releases/r1/live", "/releases/r1/events",
                "/releases/r1/evidence.html", "/playground", "/static/../api/releases", "/nowhere"}) {
            HttpResponse<String> page = get(path, null);
            assertThat(page.statusCode()).as(path).isEqualTo(401);
            assertThat(page.headers().firstValue("WWW-Authenticate").orElse("")).as(path)
                    .isEqualTo("Basic realm=\"countdown\", charset=\"UTF-8\"");
            assertThat(page.body()).as(path).contains("This Countdown needs its read token.").doesNotContain("Releases</h1>");
        }
        HttpResponse<String> dashboard = get("/", basic("me", READ));
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("<h1>Releases</h1>");
        assertThat(get("/playground", basic("me", READ)).body()).contains("<h1>Playground</h1>");
        HttpResponse<String> click = send(HttpRequest.newBuilder(server.getURI().resolve("/playground/command"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("channel=C0SHOP001&user=U0RM00001&text=%2Frelease+start+v1.0.0"))
                .build());
        assertThat(click.statusCode()).as("the playground's forms too").isEqualTo(401);

        HttpResponse<String> writeWithReadToken = send(HttpRequest.newBuilder(server.getURI().resolve("/api/releases"))
                .header("Authorization", "Bearer " + READ).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(writeWithReadToken.statusCode()).isEqualTo(401);
        assertThat(writeWithReadToken.body()).contains("The bearer token is not valid.");
    }

    @Test
    void healthMetricsStaticFilesAndSlackStayOpen() throws Exception {
        HttpResponse<String> health = get("/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(get("/prometheus", null).statusCode()).isEqualTo(200);
        assertThat(get("/static/countdown.css", null).statusCode()).isEqualTo(200);
        assertThat(get("/static/live.js", null).statusCode()).isEqualTo(200);
        assertThat(get("/slack/events", null).statusCode()).as("Slack signs its requests instead").isNotEqualTo(401);
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        // Not resolve(): it would normalise away the dot segments a test sends on purpose.
        HttpRequest.Builder request = HttpRequest.newBuilder(java.net.URI.create(server.getURI() + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
