package dev.countdown.bench;

import dev.countdown.support.FakeSlack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Start to healthy of the packaged jar, as an operator starts it, without and with a start-up cache
 * from a training run (bin/train-aot), rounds interleaved so that the machine's other load falls on
 * every variant alike: {@code -Dbench.kinds=startup} of {@link AckBenchmark}.
 *
 * <p>Per start: wall-clock ms from process start to the first 200 from /health, the CPU the process
 * had used by then (which the machine's other load moves much less), and RSS 3 s later. Each target
 * keeps its database between rounds, as a restarted service does; a start before the rounds applies
 * the migrations and is not counted.
 *
 * <p>Variants ({@code bench.startup.variants}, default {@code none,aot}): {@code none}, {@code aot}
 * (Java 25's AOT cache, {@code -XX:AOTCache}), {@code cds} (an AppCDS archive,
 * {@code -XX:SharedArchiveFile}, what a JDK 21 gets); the cache is trained with the same JVM and flags
 * unless it is newer than the jar. {@code bench.startup.rounds} (5), {@code bench.jar} (target/countdown.jar).
 */
final class StartupBenchmark {

    private StartupBenchmark() {
    }

    static void run(List<String> targets, List<String> flags, Map<String, String> extraEnv, Path dir) throws Exception {
        Path jar = Path.of(System.getProperty("bench.jar", "target/countdown.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar + ": bin/with-jdk21 mvn -B -q package -DskipTests first");
        }
        int rounds = Integer.getInteger("bench.startup.rounds", 5);
        Map<String, List<String>> variants = new LinkedHashMap<>();
        for (String variant : System.getProperty("bench.startup.variants", "none,aot").split(",")) {
            variants.put(variant, switch (variant) {
                case "none" -> List.of();
                case "aot" -> List.of("-XX:AOTCache=" + train(jar, "aot", flags));
                case "cds" -> List.of("-XX:SharedArchiveFile=" + train(jar, "cds", flags));
                default -> throw new IllegalArgumentException("unknown variant " + variant + ": none, aot or cds");
            });
        }
        List<String> summary = new ArrayList<>();
        try (FakeSlack slack = new FakeSlack().start()) {
            for (String target : targets.stream().filter(t -> !t.equals("floor")).toList()) {
                Path work = Files.createTempDirectory(dir, "startup-" + target + "-");
                Map<String, String> env = Countdowns.environment(work, target, slack, AckBenchmark.SECRET, extraEnv);
                try (BenchProcess migrate = BenchProcess.startJar(work, flags, jar, env)) {
                    System.out.printf(Locale.ROOT, "%s: first start (migrations, not counted) %d ms%n", target,
                            migrate.startToHealthyMillis());
                }
                Map<String, List<long[]>> results = new LinkedHashMap<>();
                for (int round = 1; round <= rounds; round++) {
                    for (var variant : variants.entrySet()) {
                        List<String> own = new ArrayList<>(flags);
                        own.addAll(variant.getValue());
                        try (BenchProcess process = BenchProcess.startJar(work, own, jar, env)) {
                            long cpu = process.cpuMillis();
                            Thread.sleep(3000);
                            long[] figures = {process.startToHealthyMillis(), cpu, process.rssMb()};
                            results.computeIfAbsent(variant.getKey(), k -> new ArrayList<>()).add(figures);
                            System.out.printf(Locale.ROOT, "%s %-4s round %d: healthy after %,d ms, CPU %,d ms, RSS %d MB (load %s)%n",
                                    target, variant.getKey(), round, figures[0], figures[1], figures[2], AckBenchmark.loadAverage());
                            refusedCache(process.log()).ifPresent(line -> System.out.println("   " + line));
                        }
                    }
                }
                results.forEach((variant, figures) -> summary.add(String.format(Locale.ROOT,
                        "%-9s %-4s healthy %s ms, CPU %s ms, RSS idle %s MB", target, variant, spread(figures, 0),
                        spread(figures, 1), spread(figures, 2))));
            }
        }
        System.out.println("\n== start-up, median (min–max) over " + rounds + " rounds (load " + AckBenchmark.loadAverage() + ")");
        summary.forEach(System.out::println);
    }

    /** Runs bin/train-aot with this JVM and these flags, unless its cache is newer than the jar. */
    private static Path train(Path jar, String kind, List<String> flags) throws Exception {
        Path cache = Path.of(jar.toString().replaceFirst("\\.jar$", kind.equals("aot") ? ".aot" : ".jsa"));
        if (Files.exists(cache) && Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(jar)) > 0) {
            System.out.println("using " + cache + " (newer than the jar)");
            return cache;
        }
        ProcessBuilder training = new ProcessBuilder("bin/train-aot", jar.toString(), cache.toString()).inheritIO();
        training.environment().put("JAVA", BenchProcess.java());
        training.environment().put("JAVA_OPTS", String.join(" ", flags));
        training.environment().put("TRAIN_AOT_KIND", kind);
        long t0 = System.nanoTime();
        if (training.start().waitFor() != 0) {
            throw new IllegalStateException("bin/train-aot failed for " + kind);
        }
        System.out.printf(Locale.ROOT, "trained %s in %,d ms%n", cache, (System.nanoTime() - t0) / 1_000_000);
        return cache;
    }

    /** The JVM's warning when it does not use a cache (wrong JVM, flags or jar), so a run cannot quietly measure none. */
    private static java.util.Optional<String> refusedCache(Path log) throws java.io.IOException {
        try (var lines = Files.lines(log)) {
            return lines.filter(l -> l.contains("AOT cache") || l.contains("shared archive") || l.contains("CDS"))
                    .filter(l -> l.toLowerCase(Locale.ROOT).contains("warn") || l.contains("error")).findFirst();
        }
    }

    private static String spread(List<long[]> figures, int index) {
        long[] sorted = figures.stream().mapToLong(f -> f[index]).sorted().toArray();
        return String.format(Locale.ROOT, "%,d (%,d–%,d)", sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1]);
    }
}
