package dev.countdown.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.manifest.ProbeSpec;
import dev.countdown.manifest.SecretString;
import dev.countdown.probe.ProbeResult.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpProbeTest {

    private final MockWebServer server = new MockWebServer();
    private final ProbeRunner runner = Runners.with(Map.of("PORTAL_TOKEN", "tok-9f8e7d6c5b4a3210"));

    @BeforeEach
    void start() throws Exception {
        server.start(TestServers.loopback(), 0);
    }

    @AfterEach
    void stop() {
        server.close();
        runner.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void healthReturning200WithTheExpectedJsonPasses() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
                .body("{\"status\":\"UP\",\"checks\":{\"db\":{\"latency\":12}}}").build());
        ProbeSpec.Http spec = Specs.http(Specs.settings("health"), url("/v1/health"),
                Map.of("Authorization", "Bearer ${PORTAL_TOKEN}"),
                Map.of("/status", "UP", "/checks/db/latency", "< 200"),
                Map.of("Strict-Transport-Security", "max-age=\\d{8,}", "Content-Type", "present"));

        ProbeResult result = runner.run(spec, Optional.empty());

        assertThat(result.outcome()).isEqualTo(Outcome.PASS);
        assertThat(result.summary()).matches("200 in \\d+ ms");
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.name()).isEqualTo("health");
        assertThat(result.type()).isEqualTo("http");
        Evidence evidence = result.evidence();
        assertThat(evidence.asked().action()).isEqualTo("GET");
        assertThat(evidence.asked().target()).isEqualTo(url("/v1/health"));
        assertThat(evidence.asked().headers()).containsEntry("Authorization", "Bearer ${PORTAL_TOKEN}");
        assertThat(evidence.answer()).get().satisfies(answer -> {
            assertThat(answer.status()).hasValue(200);
            assertThat(answer.headers()).containsEntry("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
                    .containsEntry("Content-Type", "application/json");
            assertThat(answer.excerpt()).contains("\"status\":\"UP\"");
        });
        assertThat(evidence.finishedAt()).isAfterOrEqualTo(evidence.startedAt());
        RecordedRequest request = server.takeRequest();
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer tok-9f8e7d6c5b4a3210");
    }

    @Test
    void aWrongStatusFailsNamingWhatWasExpected() {
        server.enqueue(json(503, "{\"status\":\"DOWN\"}"));

        ProbeResult result = runner.run(Specs.http("health", url("/v1/health")), Optional.empty());

        assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(result.summary()).matches("503 in \\d+ ms, expected 200");
        assertThat(result.evidence().answer().orElseThrow().status()).hasValue(503);
    }

    @Test
    void everyFailedCheckIsKeptAndTheSummaryCountsThem() {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Strict-Transport-Security", "max-age=300")
                .body("{\"status\":\"DOWN\",\"latency\":\"350\"}").build());
        ProbeSpec.Http spec = Specs.http(Specs.settings("health"), url("/v1/health"), Map.of(),
                Map.of("/status", "UP", "/latency", "< 200", "/missing", "x"),
                Map.of("Strict-Transport-Security", "max-age=\\d{8,}"));

        ProbeResult result = runner.run(spec, Optional.empty());

        assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(result.summary()).matches("200 in \\d+ ms, /latency 350 > bound 200 \\(need < 200\\) \\(and 3 more\\)");
        assertThat(result.evidence().answer().orElseThrow().facts().get("failed"))
                .contains("/status is \"DOWN\", expected \"UP\"")
                .contains("no /missing in the body")
                .contains("Strict-Transport-Security \"max-age=300\" does not match max-age=\\d{8,}");
    }

    @Test
    void aBodyThatIsNotJsonFailsWhenJsonIsExpected() {
        server.enqueue(new MockResponse.Builder().code(200).body("<html>OK</html>").build());
        ProbeSpec.Http spec = Specs.http(Specs.settings("health"), url("/"), Map.of(), Map.of("/status", "UP"), Map.of());

        ProbeResult result = runner.run(spec, Optional.empty());

        assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(result.summary()).endsWith(", body is not JSON");
    }

    @Test
    void bodyContainsAndMaxLatencyAreChecked() {
        server.enqueue(new MockResponse.Builder().code(200).bodyDelay(300, java.util.concurrent.TimeUnit.MILLISECONDS)
                .body("all systems operational").build());
        ProbeSpec.Http spec = new ProbeSpec.Http(Specs.settings("status-page"), "GET", new SecretString(url("/")), Map.of(),
                List.of(200, 204), Optional.of("operational"), Map.of(), Map.of(), Optional.of(Duration.ofMillis(100)));

        ProbeResult result = runner.run(spec, Optional.empty());

        assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(result.summary()).matches("200 in \\d+ ms, slower than max-latency 100ms");
    }

    @Test
    void aFailureFollowedBySuccessPassesOnTheSecondAttempt() throws Exception {
        server.enqueue(json(500, "{\"status\":\"STARTING\"}"));
        server.enqueue(json(200, "{\"status\":\"UP\"}"));
        ProbeSpec.Http spec = Specs.http(Specs.settings("health", Duration.ofSeconds(3), 2), url("/v1/health"),
                Map.of(), Map.of("/status", "UP"), Map.of());

        ProbeResult result = runner.run(spec, Optional.empty());

        assertThat(result.outcome()).isEqualTo(Outcome.PASS);
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void retriesStopAtTheConfiguredNumberAndKeepTheLastAnswer() {
        server.enqueue(json(500, "{\"n\":1}"));
        server.enqueue(json(502, "{\"n\":2}"));
        server.enqueue(json(200, "{\"n\":3}"));
        ProbeSpec.Http spec = Specs.http(Specs.settings("health", Duration.ofSeconds(3), 1), url("/"), Map.of(), Map.of(),
                Map.of());

        ProbeResult result = runner.run(spec, Optional.empty());

        assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(result.summary()).startsWith("502 in ");
        assertThat(result.evidence().answer().orElseThrow().excerpt()).isEqualTo("{\"n\":2}");
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        try (TestServers.BlackHole hole = new TestServers.BlackHole()) {
            ProbeSpec.Http spec = Specs.http(Specs.settings("health", Duration.ofMillis(300), 0),
                    "http://127.0.0.1:" + hole.port() + "/v1/health", Map.of(), Map.of(), Map.of());
            long start = System.nanoTime();

            ProbeResult result = runner.run(spec, Optional.empty());

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
            assertThat(result.summary()).startsWith("timed out after 300ms");
            assertThat(result.evidence().answer()).isEmpty();
            assertThat(result.evidence().asked().target()).endsWith("/v1/health");
        }
    }

    @Test
    void aClosedPortIsReportedAsUnreachable() {
        int port = TestServers.closedPort();

        ProbeResult result = runner.run(Specs.http("health", "http://127.0.0.1:" + port + "/"), Optional.empty());

        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.summary()).isEqualTo("could not connect to 127.0.0.1:" + port + ": connection refused");
    }

    @Test
    void aMissingSecretIsAnErrorNamingTheVariableAndIsNotRetried() {
        ProbeSpec.Http spec = Specs.http(Specs.settings("health", Duration.ofSeconds(3), 3), url("/"),
                Map.of("Authorization", "Bearer ${MISSING_TOKEN}"), Map.of(), Map.of());

        ProbeResult result = runner.run(spec, Optional.empty());

        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.summary()).isEqualTo("environment variable MISSING_TOKEN is not set");
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void badConfigurationIsAnErrorNotAnException() {
        ProbeSpec.Http badPattern = Specs.http(Specs.settings("hsts"), url("/"), Map.of(), Map.of(),
                Map.of("Strict-Transport-Security", "max-age=(\\d+"));
        ProbeSpec.Http badUrl = Specs.http("elsewhere", "${PORTAL_TOKEN}");

        List<ProbeResult> results = runner.run(List.of(badPattern, badUrl), Optional.empty());

        assertThat(results).extracting(ProbeResult::outcome).containsOnly(Outcome.ERROR);
        assertThat(results.get(0).summary()).startsWith("expect.headers.Strict-Transport-Security is not a regular expression");
        assertThat(results.get(1).summary()).isEqualTo("url ${PORTAL_TOKEN} is not an http:// or https:// URL once resolved");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aLargeBodyIsKeptAsABoundedExcerpt() {
        server.enqueue(new MockResponse.Builder().code(200).body("é".repeat(10_000)).build());

        ProbeResult result = runner.run(Specs.http("big", url("/")), Optional.empty());

        String excerpt = result.evidence().answer().orElseThrow().excerpt();
        assertThat(excerpt.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2048);
        assertThat(excerpt).startsWith("éé").endsWith("[20000 bytes in all]");
    }
}
