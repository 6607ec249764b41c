package dev.countdown.web;

import static dev.countdown.support.ApiClient.actor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.support.ApiClient;
import dev.countdown.support.ApiClient.Response;
import dev.countdown.support.CountdownTestProperties;
import dev.countdown.support.ServiceFixture;
import io.micronaut.context.ApplicationContext;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Probes may write to rate-limited targets: a probe call repeated with its Idempotency-Key, even
 * ten at once, runs them once; a repeat answers what the first did, or 409 while it still runs.
 */
class ProbeIdempotencyApiTest {

    private static final String RM = actor("slack", "U0RM00001");

    @TempDir
    Path dir;

    @Test
    void theSameKeyTwiceRunsTheProbesOnce() throws Exception {
        try (MockWebServer target = target(0); EmbeddedServer server = service(target)) {
            ApiClient api = new ApiClient(server.getURI(), CountdownTestProperties.TOKEN);
            String base = "/api/releases/" + start(api);

            Response first = api.post(base + "/probes", "{\"actor\":" + RM + "}", "deploy-42-probes");
            assertThat(first.status()).as(first.body()).isEqualTo(200);
            assertThat(first.json().get("outcome").asText()).isEqualTo("applied");
            assertThat(first.json().get("message").asText()).isEqualTo("1 of 1 probes passed.");
            Response again = api.post(base + "/probes", "{\"actor\":" + RM + "}", "deploy-42-probes");
            assertThat(again.status()).as(again.body()).isEqualTo(200);
            assertThat(again.json().get("outcome").asText()).isEqualTo("repeated");
            assertThat(again.json().get("message").asText()).isEqualTo("1 of 1 probes passed.");
            assertThat(again.json().at("/release/probes/0/outcome").asText()).isEqualTo("pass");

            assertThat(target.getRequestCount()).as("requests the target received").isEqualTo(1);
            assertThat(probeEvents(api, base)).isEqualTo(1);
            assertThat(api.post(base + "/probes", "{\"actor\":" + RM + "}", "deploy-43-probes").status()).isEqualTo(200);
            assertThat(target.getRequestCount()).as("another key runs them again").isEqualTo(2);
        }
    }

    @Test
    void tenIdenticalCallsAtOnceRunTheProbesOnce() throws Exception {
        try (MockWebServer target = target(1500); EmbeddedServer server = service(target)) {
            ApiClient api = new ApiClient(server.getURI(), CountdownTestProperties.TOKEN);
            String base = "/api/releases/" + start(api);
            ExecutorService pool = Executors.newFixedThreadPool(10);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Response>> calls = new ArrayList<>();
            for (int k = 0; k < 10; k++) {
                calls.add(pool.submit(() -> {
                    go.await();
                    return api.post(base + "/probes", "{\"actor\":" + RM + "}", "ci-run-7");
                }));
            }
            go.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> call : calls) {
                answers.add(call.get(30, TimeUnit.SECONDS));
            }
            pool.shutdown();

            assertThat(target.getRequestCount()).as("requests the target received").isEqualTo(1);
            assertThat(probeEvents(api, base)).isEqualTo(1);
            assertThat(answers.stream().filter(a -> a.status() == 200
                    && a.json().get("outcome").asText().equals("applied"))).hasSize(1);
            List<Response> inFlight = answers.stream().filter(a -> a.status() == 409).toList();
            assertThat(inFlight).as("the others came while the probe ran").isNotEmpty();
            assertThat(inFlight).allSatisfy(a -> assertThat(a.json().get("error").asText())
                    .startsWith("These probes are already running for this request"));
            assertThat(answers).allMatch(a -> a.status() == 409 || a.status() == 200);
        }
    }

    @Test
    void aClaimLeftRunningByADeadProcessRunsNothingAndSaysTheRunWasInterrupted() throws Exception {
        try (MockWebServer target = target(0); EmbeddedServer server = service(target)) {
            ApiClient api = new ApiClient(server.getURI(), CountdownTestProperties.TOKEN);
            String id = start(api);
            // What a kill -9 in the middle of a run leaves behind: the key claimed, never completed.
            DataSource dataSource = server.getApplicationContext().getBean(DataSourceResolver.class)
                    .resolve(server.getApplicationContext().getBean(DataSource.class));
            try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO command_receipt (idempotency_key, release_id, outcome, message, created_at) "
                            + "VALUES (?, ?, 'running', 'running', ?)")) {
                insert.setString(1, "api:deploy-9-probes");
                insert.setString(2, id);
                insert.setTimestamp(3, Timestamp.from(Instant.now().minus(Duration.ofHours(1))));
                insert.executeUpdate();
            }

            Response again = api.post("/api/releases/" + id + "/probes", "{\"actor\":" + RM + "}", "deploy-9-probes");

            assertThat(again.status()).as(again.body()).isEqualTo(200);
            assertThat(again.json().get("outcome").asText()).isEqualTo("repeated");
            assertThat(again.json().get("message").asText()).startsWith("That run was interrupted before it finished");
            assertThat(target.getRequestCount()).as("requests the target received").isZero();
        }
    }

    private static int probeEvents(ApiClient api, String base) {
        return (int) api.get(base + "/timeline").json().findValuesAsText("type").stream()
                .filter(t -> t.startsWith("probe.")).count();
    }

    private static String start(ApiClient api) {
        return api.post("/api/releases", "{\"service\":\"web\",\"version\":\"v1.0.0\",\"actor\":" + RM + "}")
                .json().at("/release/id").asText();
    }

    private static MockWebServer target(long delayMillis) throws Exception {
        MockWebServer target = new MockWebServer();
        target.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(200).headersDelay(delayMillis, TimeUnit.MILLISECONDS).body("ok")
                        .build();
            }
        });
        target.start(InetAddress.getLoopbackAddress(), 0);
        return target;
    }

    private EmbeddedServer service(MockWebServer target) throws Exception {
        return ApplicationContext.run(EmbeddedServer.class, ServiceFixture.write(dir, "# Web\n\n## Checks\n\n"
                + "- [ ] /health returns 200\n", ServiceFixture.webManifest(target.url("/health").toString(), "")));
    }
}
