package dev.countdown.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.manifest.ProbeSpec;
import dev.countdown.probe.ProbeResult.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the runner promises whatever the probes do: bounded time, bounded concurrency, no exceptions. */
class ProbeRunnerTest {

    private final MockWebServer server = new MockWebServer();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                int now = inFlight.incrementAndGet();
                mostInFlight.accumulateAndGet(now, Math::max);
                try {
                    Thread.sleep(Long.parseLong(request.getUrl().queryParameter("sleep")));
                    return new MockResponse.Builder().code(200).body("ok").build();
                } finally {
                    inFlight.decrementAndGet();
                }
            }
        });
        server.start(TestServers.loopback(), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static ProbeRunner runner(int maxConcurrent, Duration deadline) {
        return new ProbeRunner(Probes.withDefaults(), new ProbeRunner.Options(maxConcurrent, deadline, Duration.ofMillis(10)),
                Map.<String, String>of()::get, Clock.systemUTC());
    }

    private ProbeSpec.Http answeringAfter(String name, int millis) {
        return Specs.http(name, "http://127.0.0.1:" + server.getPort() + "/?sleep=" + millis);
    }

    private static ProbeSpec.Http hanging(String name, int port, Duration timeout) {
        return Specs.http(Specs.settings(name, timeout, 0), "http://127.0.0.1:" + port + "/", Map.of(), Map.of(), Map.of());
    }

    @Test
    void probesRunInParallelAndResultsComeInTheOrderGiven() {
        List<ProbeSpec> specs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            specs.add(answeringAfter("p" + i, 200));
        }
        try (ProbeRunner runner = runner(64, Duration.ofSeconds(10))) {
            long start = System.nanoTime();

            List<ProbeResult> results = runner.run(specs, Optional.empty());

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            assertThat(results).extracting(ProbeResult::name).containsExactlyElementsOf(specs.stream().map(ProbeSpec::name).toList());
            assertThat(results).extracting(ProbeResult::outcome).containsOnly(Outcome.PASS);
        }
    }

    @Test
    void noMoreAttemptsThanTheBoundAreInFlight() {
        List<ProbeSpec> specs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            specs.add(answeringAfter("p" + i, 50));
        }
        try (ProbeRunner runner = runner(3, Duration.ofSeconds(10))) {
            List<ProbeResult> results = runner.run(specs, Optional.empty());

            assertThat(results).extracting(ProbeResult::outcome).containsOnly(Outcome.PASS);
            assertThat(mostInFlight.get()).isBetween(1, 3);
        }
    }

    @Test
    void aHungTargetHoldsOnlyItsOwnSlotUntilItsTimeout() throws Exception {
        try (TestServers.BlackHole hole = new TestServers.BlackHole(); ProbeRunner runner = runner(4, Duration.ofSeconds(10))) {
            List<ProbeSpec> specs = new ArrayList<>();
            specs.add(hanging("hung", hole.port(), Duration.ofSeconds(2)));
            for (int i = 0; i < 10; i++) {
                specs.add(answeringAfter("fast" + i, 20));
            }

            List<ProbeResult> results = runner.run(specs, Optional.empty());

            ProbeResult hung = results.getFirst();
            assertThat(hung.outcome()).isEqualTo(Outcome.ERROR);
            assertThat(hung.summary()).startsWith("timed out after 2s");
            // a second of slack for a cold JVM on a busy machine; the fast ones take about 100 ms
            for (ProbeResult fast : results.subList(1, results.size())) {
                assertThat(fast.outcome()).isEqualTo(Outcome.PASS);
                assertThat(fast.evidence().finishedAt()).isBefore(hung.evidence().finishedAt().minusMillis(1000));
            }
        }
    }

    @Test
    void theRunEndsAtItsDeadlineWhateverTheProbesTimeouts() throws Exception {
        try (TestServers.BlackHole hole = new TestServers.BlackHole(); ProbeRunner runner = runner(1, Duration.ofMillis(400))) {
            long start = System.nanoTime();

            List<ProbeResult> results = runner.run(List.of(hanging("first", hole.port(), Duration.ofSeconds(30)),
                    hanging("queued", hole.port(), Duration.ofSeconds(30))), Optional.empty());

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
            assertThat(results).extracting(ProbeResult::outcome).containsOnly(Outcome.ERROR);
            // Which of the two gets the one slot, and whether the attempt's own clock or the run's
            // deadline fires first, is up to the scheduler on a busy machine: each says it ran out of time.
            assertThat(results).extracting(ProbeResult::summary).allSatisfy(summary ->
                    assertThat(summary).containsAnyOf("at the run's deadline", "before the run's deadline", "timed out after"));
        }
    }

    @Test
    void retriesStopAtTheDeadline() throws Exception {
        try (TestServers.BlackHole hole = new TestServers.BlackHole(); ProbeRunner runner = runner(4, Duration.ofMillis(700))) {
            ProbeSpec.Http spec = Specs.http(Specs.settings("retrying", Duration.ofMillis(300), 5),
                    "http://127.0.0.1:" + hole.port() + "/", Map.of(), Map.of(), Map.of());

            ProbeResult result = runner.run(spec, Optional.empty());

            assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
            assertThat(result.attempts()).isBetween(2, 3);
        }
    }

    @Test
    void aClosedRunnerAnswersWithErrorsNotExceptions() {
        ProbeRunner runner = runner(4, Duration.ofSeconds(5));
        runner.close();

        ProbeResult result = runner.run(answeringAfter("late", 0), Optional.empty());

        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.summary()).isEqualTo("the probe runner is shut down");
        assertThat(result.attempts()).isZero();
    }
}
