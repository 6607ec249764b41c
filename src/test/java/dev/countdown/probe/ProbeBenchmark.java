package dev.countdown.probe;

import com.sun.net.httpserver.HttpServer;
import dev.countdown.manifest.ProbeSpec;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Not a test: a measurement. A local server answers every request after 1 s; N http probes (100)
 * go through one ProbeRunner with the service's default options. With 64 attempts in flight the
 * floor is two waves, about 2 s. Run it as docs/probes.md says:
 *
 * <pre>bin/with-jdk21 mvn -B -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.countdown.probe.ProbeBenchmark [-Dexec.args="100 64"]</pre>
 */
public final class ProbeBenchmark {

    private ProbeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int probes = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int maxConcurrent = args.length > 1 ? Integer.parseInt(args[1]) : ProbeRunner.Options.DEFAULTS.maxConcurrent();
        ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
        HttpServer server = HttpServer.create(new InetSocketAddress(TestServers.loopback(), 0), 1024);
        server.setExecutor(handlers);
        server.createContext("/", exchange -> {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/health";
        List<ProbeSpec> specs = new ArrayList<>();
        for (int i = 0; i < probes; i++) {
            specs.add(Specs.http(Specs.settings("health-" + i, Duration.ofSeconds(5), 0), url + "?n=" + i, Map.of(),
                    Map.of("/status", "UP"), Map.of()));
        }
        ProbeRunner.Options options = new ProbeRunner.Options(maxConcurrent, ProbeRunner.Options.DEFAULTS.runDeadline(),
                ProbeRunner.Options.DEFAULTS.retryDelay());
        System.out.printf(Locale.ROOT, "%d http probes, server answers after 1000 ms, max-concurrent %d, %d cores, Java %s%n",
                probes, maxConcurrent, Runtime.getRuntime().availableProcessors(), Runtime.version());
        try (ProbeRunner runner = new ProbeRunner(Probes.withDefaults(), options, Map.<String, String>of()::get,
                Clock.systemUTC())) {
            for (String round : List.of("first run (cold JVM)", "second run (warm)")) {
                Instant start = Instant.now();
                long t0 = System.nanoTime();
                List<ProbeResult> results = runner.run(specs, Optional.empty());
                long wall = (System.nanoTime() - t0) / 1_000_000;
                long passed = results.stream().filter(ProbeResult::passed).count();
                List<Long> attempt = results.stream().map(r -> r.evidence().duration().toMillis()).sorted().toList();
                List<Long> done = results.stream()
                        .map(r -> Duration.between(start, r.evidence().finishedAt()).toMillis()).sorted().toList();
                System.out.printf(Locale.ROOT, "%s: %d/%d passed, wall %d ms; per probe: attempt p50 %d ms, p99 %d ms;"
                                + " done after start p50 %d ms, p99 %d ms%n",
                        round, passed, probes, wall, percentile(attempt, 50), percentile(attempt, 99),
                        percentile(done, 50), percentile(done, 99));
            }
        } finally {
            server.stop(0);
            handlers.shutdownNow();
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
