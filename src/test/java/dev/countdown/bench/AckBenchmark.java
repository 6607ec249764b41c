package dev.countdown.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countdown.chat.ActionRef;
import dev.countdown.support.ApiClient;
import dev.countdown.support.FakeSlack;
import dev.countdown.support.SignedSlackRequests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Not a test: a measurement (docs/performance.md). In one run, side by side: the floor (a Bolt app
 * that only acks, {@link BareBoltApp}) and Countdown in a process of its own on embedded H2 and on
 * embedded PostgreSQL, against the fake Slack. Each gets signed {@code /release help} commands
 * (nothing changes) and item clicks that toggle pass/pending over many releases (every one changes
 * a release), at each concurrency; then start-to-healthy time and RSS, idle and after a soak of clicks.
 *
 * <pre>bin/with-jdk21 mvn -B -q test-compile exec:java@ack-benchmark [-Dbench.seconds=8 ...]</pre>
 *
 * System properties: bench.targets (floor,h2,postgres), bench.concurrency (1,10,50), bench.seconds
 * measured per case (8), bench.warmup (3), bench.kinds (help,click; or startup alone: {@link StartupBenchmark}), bench.releases (20), bench.soak seconds of clicks at the
 * highest concurrency before the last RSS (60), bench.jvm (the JVM flags of both sides), bench.jfr
 * (a target to record with JFR during its c=max clicks, e.g. h2), bench.env (K=V,K=V added to
 * Countdown's environment, default MALLOC_ARENA_MAX=2;
 * e.g. DATASOURCES_DEFAULT_MAXIMUM_POOL_SIZE=4), bench.classes (another build's
 * target/classes to run instead of this one's: a before/after in one sitting), bench.dir (target/bench).
 */
public final class AckBenchmark {

    static final String SECRET = "bench-signing-secret-0123456789ab";
    private static final String CHANNEL = "C0SHOP001";
    private static final String RM = "U0RM00001";
    /** The flags README and the image use: a bounded heap and a collector that gives memory back. */
    static final String RECOMMENDED_JVM = "-XX:+UseSerialGC -Xmx128m -XX:MaxMetaspaceSize=128m "
            + "-XX:ReservedCodeCacheSize=48m -XX:MaxDirectMemorySize=32m -XX:TieredStopAtLevel=1";
    /** glibc's malloc keeps an arena per core and thread up to 8 per core; two are plenty here (README, image). */
    static final String RECOMMENDED_ENV = "MALLOC_ARENA_MAX=2";

    private AckBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> targets = List.of(System.getProperty("bench.targets", "floor,h2,postgres").split(","));
        int[] concurrency = Arrays.stream(System.getProperty("bench.concurrency", "1,10,50").split(","))
                .mapToInt(Integer::parseInt).toArray();
        Duration measured = Duration.ofSeconds(Long.getLong("bench.seconds", 8));
        Duration warmup = Duration.ofSeconds(Long.getLong("bench.warmup", 3));
        int releases = Integer.getInteger("bench.releases", 20);
        Duration soak = Duration.ofSeconds(Long.getLong("bench.soak", 60));
        String jvm = System.getProperty("bench.jvm", RECOMMENDED_JVM).trim();
        List<String> flags = jvm.isEmpty() ? List.of() : List.of(jvm.split("\\s+"));
        String jfr = System.getProperty("bench.jfr", "");
        Map<String, String> extraEnv = new HashMap<>();
        for (String pair : System.getProperty("bench.env", RECOMMENDED_ENV).split(",")) {
            if (pair.contains("=")) {
                extraEnv.put(pair.substring(0, pair.indexOf('=')).trim(), pair.substring(pair.indexOf('=') + 1).trim());
            }
        }
        List<String> kindsRun = List.of(System.getProperty("bench.kinds", "help,click").split(","));
        Path dir = Files.createDirectories(Path.of(System.getProperty("bench.dir", "target/bench")).toAbsolutePath());
        System.out.printf(Locale.ROOT, "ack benchmark: %d cores, Java %s, load %s; JVM flags of both sides: %s%n"
                        + "%d s measured per case after %d s warm-up; clicks over %d releases of 24 items%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), loadAverage(),
                flags.isEmpty() ? "(none: the JVM's defaults)" : jvm, measured.toSeconds(), warmup.toSeconds(), releases);
        if (!System.getProperty("bench.classes", "").isBlank()) {
            System.out.println("Countdown's classes from " + System.getProperty("bench.classes"));
        }
        if (!extraEnv.isEmpty()) {
            System.out.println("Countdown's environment also has " + extraEnv);
        }
        if (kindsRun.equals(List.of("startup"))) {
            StartupBenchmark.run(targets, flags, extraEnv, dir);
            System.exit(0);
        }
        Map<String, Load.Result> floor = new HashMap<>();
        List<String> summary = new ArrayList<>();
        try (FakeSlack slack = new FakeSlack().start()) {
            for (String target : targets) {
                Path work = Files.createTempDirectory(dir, target + "-");
                boolean countdown = !target.equals("floor");
                List<String> own = new ArrayList<>(flags);
                if (target.equals(jfr)) {
                    // The default of 64 frames cuts a Micronaut request's stack above the controller.
                    own.add("-XX:FlightRecorderOptions=stackdepth=512");
                }
                Path recording = work.resolve("clicks.jfr");
                try (BenchProcess process = countdown
                        ? BenchProcess.start(work, own, "dev.countdown.Countdown", List.of(), Countdowns.environment(work, target, slack, SECRET, extraEnv))
                        : BenchProcess.start(work, own, BareBoltApp.class.getName(), List.of("{port}", SECRET, slack.apiUrl()), Map.of())) {
                    Thread.sleep(3000);
                    long idle = process.rssMb();
                    System.out.printf(Locale.ROOT, "%n== %s (pid %d): healthy %d ms after start, RSS idle %d MB%n",
                            target, process.pid(), process.startToHealthyMillis(), idle);
                    List<Click> clicks = countdown ? Countdowns.startReleases(process.uri(), releases, RM)
                            : Click.synthetic(releases);
                    AtomicLong sequence = new AtomicLong();
                    LongFunction<String> click = n -> Click.body(clicks, n, RM, CHANNEL);
                    if (countdown) {
                        Countdowns.checkClickChangesState(process.uri(), clicks.getFirst(), RM, CHANNEL, SECRET);
                    }
                    Load load = new Load(process.uri(), SECRET, process::cpuMillis);
                    Map<String, LongFunction<String>> kinds = new LinkedHashMap<>();
                    if (kindsRun.contains("help")) {
                        kinds.put("help", n -> SignedSlackRequests.slashCommand("/release", "help", RM, CHANNEL, "bench-h" + n));
                    }
                    if (kindsRun.contains("click")) {
                        kinds.put("click", click);
                    }
                    for (var kind : kinds.entrySet()) {
                        for (int c : concurrency) {
                            boolean record = target.equals(jfr) && kind.getKey().equals("click") && c == concurrency[concurrency.length - 1];
                            if (record) {
                                Jfr.start(process.pid(), recording);
                            }
                            Load.Result result = load.run(c, warmup, measured, kind.getValue(), sequence);
                            if (record) {
                                Jfr.stop(process.pid(), recording);
                            }
                            String key = kind.getKey() + c;
                            if (!countdown) {
                                floor.put(key, result);
                            }
                            String row = result.row(target + " " + kind.getKey(), floor.get(countdown ? key : "none"));
                            System.out.println(row);
                            summary.add(row);
                            if (result.firstError() != null) {
                                System.out.println("   first error: " + result.firstError().lines().findFirst().orElse(""));
                            }
                        }
                    }
                    if (!soak.isZero()) {
                        int c = concurrency[concurrency.length - 1];
                        Load.Result soaked = load.run(c, Duration.ZERO, soak, click, sequence);
                        String row = String.format(Locale.ROOT, "%-22s RSS idle %d MB, after %d s of clicks at c=%d "
                                        + "(%d clicks, %.0f/s, p99 %.1f ms) %d MB; healthy %d ms after start",
                                target, idle, soak.toSeconds(), c, soaked.requests(), soaked.perSecond(), soaked.p99(),
                                process.rssMb(), process.startToHealthyMillis());
                        System.out.println(row);
                        summary.add(row);
                    }
                }
                if (Files.exists(recording)) {
                    System.out.println("flight recording of " + target + " clicks: " + recording);
                }
            }
            System.out.println("\n== summary (load " + loadAverage() + ")");
            summary.forEach(System.out::println);
        }
        System.exit(0);
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** An item a click toggles. */
    record Click(String releaseId, String itemId) {

        /** Click n: releases in turn, then items in turn, pass on odd rounds and pending on even ones. */
        static String body(List<Click> clicks, long n, String user, String channel) {
            Click target = clicks.get((int) (n % clicks.size()));
            String value = (n / clicks.size()) % 2 == 0 ? "pass" : "pending";
            return SignedSlackRequests.blockAction(ActionRef.item(target.releaseId(), target.itemId()).encode(), value,
                    user, channel, "bench-c" + n);
        }

        /** Ids of the same shape for the floor, which keeps nothing. */
        static List<Click> synthetic(int releases) {
            List<Click> clicks = new ArrayList<>();
            for (int i = 1; i <= 24; i++) {
                for (int r = 0; r < releases; r++) {
                    clicks.add(new Click(String.format(Locale.ROOT, "r%09d", r), String.format(Locale.ROOT,
                            "checks.check-%02d-the-dashboards-of-region-%02d-show-no-new-errors-since-the-deploy-started", i, i)));
                }
            }
            return clicks;
        }
    }

    static JsonNode release(ApiClient api, String id) {
        return api.get("/api/releases/" + id).json();
    }
}
