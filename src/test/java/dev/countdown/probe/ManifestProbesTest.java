package dev.countdown.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.manifest.ManifestReader;
import dev.countdown.manifest.ReleaseManifest;
import dev.countdown.manifest.TemplateCatalog;
import dev.countdown.probe.ProbeResult.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Probes written as docs/probes.md shows them, read by the manifest reader, run together. */
class ManifestProbesTest {

    private final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                if (path.equals("/v1/health")) {
                    return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                            .setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
                            .body("{\"status\":\"UP\"}").build();
                }
                if (path.equals("/api/v1/query")) {
                    boolean errors = request.getUrl().queryParameter("query").contains("code=~\"5..\"");
                    return new MockResponse.Builder().code(200).body("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\","
                            + "\"result\":[{\"metric\":{},\"value\":[1767225600,\"" + (errors ? "0.004" : "0.62") + "\"]}]}}").build();
                }
                if (path.equals("/repos/acme/portal-api/actions/runs")) {
                    return new MockResponse.Builder().code(200).body("{\"workflow_runs\":[{\"id\":7,\"name\":\"CI\","
                            + "\"path\":\".github/workflows/ci.yml\",\"head_branch\":\"v1.0.0\",\"head_sha\":\"abc\","
                            + "\"status\":\"completed\",\"conclusion\":\"success\",\"run_number\":7,\"created_at\":\""
                            + Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS) + "\"}]}").build();
                }
                return new MockResponse.Builder().code(404).build();
            }
        });
        server.start(TestServers.loopback(), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyTypeAsTheDocsWriteIt() throws Exception {
        String h2 = "jdbc:h2:mem:manifest-probes;DB_CLOSE_DELAY=-1";
        try (Connection c = DriverManager.getConnection(h2, "sa", "")) {
            c.createStatement().execute("CREATE TABLE backup_runs (finished_at TIMESTAMP, restore_verified BOOLEAN);"
                    + "INSERT INTO backup_runs VALUES (CURRENT_TIMESTAMP, TRUE)");
        }
        String base = "http://127.0.0.1:" + server.getPort();
        int closed = TestServers.closedPort();
        Files.copy(Path.of("src/test/resources/ceremony/checklist-templates/shop.md"), dir.resolve("shop.md"));
        Path manifest = dir.resolve("portal-api.yaml");
        Files.writeString(manifest, """
                service: portal-api
                template: shop.md
                channels: { slack: [C0DEPLOYS1] }
                roles:
                  qa-lead: { owners: { slack-users: [U0QA00001] } }
                probes:
                  health:
                    type: http
                    url: %1$s/v1/health
                    headers: { Authorization: "Bearer ${PORTAL_TOKEN}" }
                    expect:
                      status: 200
                      json: { /status: UP }
                      headers: { Strict-Transport-Security: 'max-age=\\d{8,}' }
                      max-latency: 2s
                    timeout: 5s
                    retries: 1
                  certificate:
                    type: tls
                    host: localhost
                    port: %2$d
                    min-days-left: 30
                    timeout: 2s
                  p95-latency:
                    type: prometheus
                    url: %1$s
                    query: histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{job="portal-api"}[10m])))
                    expect: "< 0.8"
                  error-rate:
                    type: prometheus
                    url: %1$s
                    query: sum(rate(http_requests_total{job="portal-api",code=~"5.."}[10m])) / sum(rate(http_requests_total{job="portal-api"}[10m]))
                    expect: "< 0.01"
                  backup-verified:
                    type: sql
                    url: %3$s
                    username: sa
                    query: SELECT count(*) FROM backup_runs WHERE restore_verified AND finished_at > DATEADD('HOUR', -24, CURRENT_TIMESTAMP)
                    expect: { value: ">= 1" }
                  ci-green:
                    type: github-actions
                    api-url: %1$s
                    repository: acme/portal-api
                    ref: "{version}"
                    workflows: [CI]
                    max-age: 7d
                    token: ${GITHUB_TOKEN}
                """.formatted(base, closed, h2));
        ReleaseManifest read = new ManifestReader(new TemplateCatalog(Optional.of(dir))).read(manifest).manifest();

        try (ProbeRunner runner = new ProbeRunner(Probes.withDefaults(), ProbeRunner.Options.DEFAULTS,
                Map.of("PORTAL_TOKEN", "t0ken-value", "GITHUB_TOKEN", "ghp-value")::get, java.time.Clock.systemUTC())) {
            List<ProbeResult> results = runner.runAll(read, Optional.of("v1.0.0"));

            assertThat(results).extracting(ProbeResult::name)
                    .containsExactly("health", "certificate", "p95-latency", "error-rate", "backup-verified", "ci-green");
            assertThat(results).extracting(ProbeResult::outcome)
                    .containsExactly(Outcome.PASS, Outcome.ERROR, Outcome.PASS, Outcome.PASS, Outcome.PASS, Outcome.PASS);
            assertThat(results.get(2).summary()).isEqualTo("0.62 meets < 0.8");
            assertThat(results.get(3).summary()).isEqualTo("0.004 meets < 0.01");
            assertThat(results.get(5).summary()).isEqualTo("succeeded for v1.0.0: CI (1h ago)");
        }
    }
}
