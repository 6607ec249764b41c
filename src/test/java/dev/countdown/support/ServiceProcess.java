package dev.countdown.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Countdown in a process of its own, as an operator runs it: the same main class, configured by
 * environment variables only, so a test can {@code kill -9} it and start it again on the same data.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final Path log;
    private final URI base;

    private ServiceProcess(Process process, Path log, URI base) {
        this.process = process;
        this.log = log;
        this.base = base;
    }

    /** Starts the service in {@code workDir} with {@code env} added to this JVM's environment; waits for /health. */
    public static ServiceProcess start(Path workDir, Map<String, String> env) throws IOException, InterruptedException {
        int port = freePort();
        Path log = Files.createTempFile(workDir, "service-", ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-Dfile.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"), "dev.countdown.Countdown"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("COUNTDOWN_PORT", Integer.toString(port));
        builder.environment().put("COUNTDOWN_HOST", "127.0.0.1");
        ServiceProcess service = new ServiceProcess(builder.start(), log, URI.create("http://127.0.0.1:" + port + "/"));
        service.awaitHealthy();
        return service;
    }

    /**
     * The environment of the service {@link ServiceFixture#write} wrote in {@code dir}, on an H2 file
     * under it named by a plain URL, as a person writes it: Countdown adds the options it needs.
     */
    public static Map<String, String> environment(Path dir, Map<String, Object> fixture, String apiToken) {
        return Map.of(
                "COUNTDOWN_DB_URL", "jdbc:h2:file:" + dir.resolve("data").resolve("countdown"),
                "COUNTDOWN_MANIFESTS_DIR", fixture.get("countdown.manifests-dir").toString(),
                "COUNTDOWN_TEMPLATES_DIR", fixture.get("countdown.templates-dir").toString(),
                "COUNTDOWN_API_TOKEN", apiToken,
                "COUNTDOWN_PLAYGROUND", "off");
    }

    public URI uri() {
        return base;
    }

    /** The process id, as a replica names itself in the claims it holds. */
    public long pid() {
        return process.pid();
    }

    /** What the service printed so far. */
    public String log() throws IOException {
        return Files.readString(log);
    }

    /** {@code kill -9}: no shutdown hook runs, nothing is flushed on the way out. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    private void awaitHealthy() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + ":\n" + log());
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
            Thread.sleep(200);
        }
        kill();
        throw new IllegalStateException("the service did not become healthy in " + START_TIMEOUT + ":\n" + log());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
