package dev.countdown.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A JVM of its own for one side of the benchmark (the floor or Countdown), started as
 * {@link dev.countdown.support.ServiceProcess} starts the service, with the JVM flags under test:
 * how long it took to answer /health, and its resident memory as the kernel counts it.
 */
final class BenchProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final URI base;
    private final long startToHealthyMillis;

    private BenchProcess(Process process, Path log, URI base, long startToHealthyMillis) {
        this.process = process;
        this.log = log;
        this.base = base;
        this.startToHealthyMillis = startToHealthyMillis;
    }

    /** Starts {@code mainClass} with {@code jvmFlags}; {@code args} may name the port as {@code {port}}. */
    static BenchProcess start(Path workDir, List<String> jvmFlags, String mainClass, List<String> args,
                              Map<String, String> env) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(jvmFlags);
        command.addAll(List.of("-cp", classPath(), mainClass));
        command.addAll(args);
        return launch(workDir, mainClass.substring(mainClass.lastIndexOf('.') + 1), command, env);
    }

    /**
     * Starts a packaged jar as an operator does ({@code java FLAGS -jar JAR}): a start-up cache
     * (bin/train-aot) only serves the class path it was trained with, never test-classes directories.
     */
    static BenchProcess startJar(Path workDir, List<String> jvmFlags, Path jar, Map<String, String> env)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(jvmFlags);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        return launch(workDir, "jar", command, env);
    }

    /** The JVM that runs the benchmark: the one a start-up cache was trained with. */
    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static BenchProcess launch(Path workDir, String name, List<String> arguments, Map<String, String> env)
            throws IOException, InterruptedException {
        int port = freePort();
        Path log = Files.createTempFile(workDir, name + "-", ".log");
        List<String> command = new ArrayList<>(List.of(java(), "-Dfile.encoding=UTF-8"));
        arguments.forEach(a -> command.add(a.replace("{port}", Integer.toString(port))));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("COUNTDOWN_PORT", Integer.toString(port));
        builder.environment().put("COUNTDOWN_HOST", "127.0.0.1");
        long t0 = System.nanoTime();
        Process process = builder.start();
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        awaitHealthy(process, base, log);
        return new BenchProcess(process, log, base, (System.nanoTime() - t0) / 1_000_000);
    }

    URI uri() {
        return base;
    }

    long pid() {
        return process.pid();
    }

    long startToHealthyMillis() {
        return startToHealthyMillis;
    }

    Path log() {
        return log;
    }

    /**
     * CPU time the process has used, user and system, in ms (/proc/pid/stat, at the usual 100 ticks
     * a second); -1 where there is no /proc. Per request it does not depend on who else shares the cores.
     */
    long cpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** VmRSS from /proc/pid/status, in MB; -1 where there is no /proc. */
    long rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** Ends the JVM as an orchestrator does (SIGTERM), so a flight recording is written on the way out. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static void awaitHealthy(Process process, URI base, Path log) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(base.resolve("/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new IllegalStateException("not healthy in 120 s:\n" + Files.readString(log));
    }

    /**
     * The test class path, also under {@code exec:java}, which loads it in a class loader of its own;
     * with {@code bench.classes} set, that directory stands in for this build's target/classes (a
     * "before" build, run side by side with this one).
     */
    private static String classPath() {
        String path = testClassPath();
        String instead = System.getProperty("bench.classes", "");
        if (instead.isBlank()) {
            return path;
        }
        String mine = Path.of("target", "classes").toAbsolutePath().toString();
        return String.join(java.io.File.pathSeparator, java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString().equals(mine) ? instead : entry).toList());
    }

    private static String testClassPath() {
        if (Thread.currentThread().getContextClassLoader() instanceof java.net.URLClassLoader loader
                && loader.getURLs().length > 0) {
            StringBuilder path = new StringBuilder();
            for (java.net.URL url : loader.getURLs()) {
                try {
                    path.append(path.isEmpty() ? "" : java.io.File.pathSeparator).append(Path.of(url.toURI()));
                } catch (java.net.URISyntaxException e) {
                    throw new IllegalStateException(e);
                }
            }
            return path.toString();
        }
        return System.getProperty("java.class.path");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
