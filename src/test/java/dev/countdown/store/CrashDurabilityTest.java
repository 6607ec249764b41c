package dev.countdown.store;

import static dev.countdown.support.ApiClient.actor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countdown.Countdown;
import dev.countdown.support.ApiClient;
import dev.countdown.support.ServiceFixture;
import dev.countdown.support.ServiceProcess;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default keeps what it answered: the service runs in its own process on an H2 file
 * named by a plain URL, takes a burst of writes from several clients, and is killed with SIGKILL
 * while writes are in flight, three times over. Every write that was answered 2xx must be in the
 * timeline after each restart, and the audit chain must still verify.
 */
class CrashDurabilityTest {

    private static final String TOKEN = "crash-test-token";
    private static final String STARTER = actor("slack", "U0RM00001");
    private static final String QA = actor("slack", "U0QA00001");
    private static final int CLIENTS = 8;
    private static final int[] KILL_AFTER_ANSWERED = {70, 110, 90};

    @TempDir
    Path dir;

    @Test
    void everyAnsweredWriteSurvivesKillNine() throws Exception {
        Map<String, String> env = environment();
        Set<String> answered = ConcurrentHashMap.newKeySet();
        String releaseId;
        try (ServiceProcess service = ServiceProcess.start(dir, env)) {
            ApiClient api = new ApiClient(service.uri(), TOKEN);
            ApiClient.Response started = api.post("/api/releases",
                    "{\"service\":\"web\",\"version\":\"v1.0.0\",\"actor\":" + STARTER + "}");
            assertThat(started.status()).as(started.body()).isEqualTo(201);
            releaseId = started.json().at("/release/id").asText();
        }
        AtomicLong sequence = new AtomicLong();
        for (int killPoint : KILL_AFTER_ANSWERED) {
            ServiceProcess service = ServiceProcess.start(dir, env);
            assertThat(notesIn(timeline(service, releaseId))).as("after a restart").containsAll(answered);
            burstThenKill(service, releaseId, killPoint, sequence, answered);
        }
        assertThat(answered).hasSizeGreaterThanOrEqualTo(200);
        try (ServiceProcess service = ServiceProcess.start(dir, env)) {
            Set<String> kept = notesIn(timeline(service, releaseId));
            Set<String> lost = new HashSet<>(answered);
            lost.removeAll(kept);
            assertThat(lost).as("writes answered 2xx but missing after kill -9 (of %d answered)", answered.size())
                    .isEmpty();
            assertThat(verifyEvidence(service, releaseId)).contains("verified");
        }
    }

    /** Writes from several clients until {@code killAt} have been answered, then kills the service mid-burst. */
    private static void burstThenKill(ServiceProcess service, String releaseId, int killAt, AtomicLong sequence,
                                      Set<String> answered) throws Exception {
        ApiClient api = new ApiClient(service.uri(), TOKEN);
        AtomicInteger answeredHere = new AtomicInteger();
        CountDownLatch enough = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    String note = "w-" + sequence.incrementAndGet();
                    ApiClient.Response response;
                    try {
                        response = api.post("/api/releases/" + releaseId + "/items/checks.smoke-tests-pass/notes",
                                "{\"note\":\"" + note + "\",\"actor\":" + QA + "}");
                    } catch (RuntimeException connectionGone) {
                        return;
                    }
                    if (response.status() / 100 == 2) {
                        answered.add(note);
                        if (answeredHere.incrementAndGet() >= killAt) {
                            enough.countDown();
                        }
                    }
                }
            });
        }
        assertThat(enough.await(60, TimeUnit.SECONDS)).as("the burst reached %d answered writes", killAt).isTrue();
        service.kill();
        clients.shutdownNow();
        assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    private static JsonNode timeline(ServiceProcess service, String releaseId) {
        ApiClient.Response response = new ApiClient(service.uri(), TOKEN).get("/api/releases/" + releaseId + "/timeline");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static Set<String> notesIn(JsonNode timeline) {
        Set<String> notes = new HashSet<>();
        timeline.forEach(event -> {
            String note = event.path("after").asText("");
            if (event.path("type").asText().equals("item.note") && note.startsWith("w-")) {
                notes.add(note);
            }
        });
        return notes;
    }

    private String verifyEvidence(ServiceProcess service, String releaseId) throws Exception {
        ApiClient.Response bundle = new ApiClient(service.uri(), TOKEN).get("/api/releases/" + releaseId + "/evidence.json");
        assertThat(bundle.status()).isEqualTo(200);
        Path file = Files.writeString(dir.resolve("evidence.json"), bundle.body());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Countdown.tools().run(new String[] {"evidence", "verify", file.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private Map<String, String> environment() throws Exception {
        return ServiceProcess.environment(dir, ServiceFixture.write(dir, "# Web\n\n## Checks\n\n- [ ] /health returns 200\n"
                + "- [ ] Smoke tests pass\n", ServiceFixture.webManifest("http://127.0.0.1:9/health", "")), TOKEN);
    }
}
