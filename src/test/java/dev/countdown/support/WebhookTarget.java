package dev.countdown.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A deploy system on loopback that receives Countdown's rollback webhook the way docs/rollback.md
 * tells a receiver to: it recomputes the signature over timestamp "." body and refuses a call
 * whose signature does not match (401). It also answers {@code /health} for verification probes.
 */
public final class WebhookTarget implements AutoCloseable {

    /** One call as received; {@code signed} whether its signature verified. */
    public record Received(String path, Map<String, List<String>> headers, String body, boolean signed) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    private final String secret;
    private final HttpServer server;
    private final List<Received> calls = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch hold;
    private final CountDownLatch firstCall = new CountDownLatch(1);

    public WebhookTarget(String secret) throws IOException {
        this.secret = secret;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/health", exchange -> respond(exchange, 200, "{\"status\":\"UP\"}"));
        server.createContext("/deploy", this::deploy);
        server.start();
    }

    /** Calls wait without an answer until {@link #release()}: a deploy system still working when Countdown dies. */
    public void holdAnswers() {
        hold = new CountDownLatch(1);
    }

    public void release() {
        if (hold != null) {
            hold.countDown();
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Received> calls() {
        return List.copyOf(calls);
    }

    public void awaitFirstCall(Duration timeout) throws InterruptedException {
        if (!firstCall.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the deploy system was never called");
        }
    }

    private void deploy(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String timestamp = exchange.getRequestHeaders().getFirst("X-Countdown-Timestamp");
        String signature = exchange.getRequestHeaders().getFirst("X-Countdown-Signature");
        boolean signed = verify(timestamp, signature, body);
        calls.add(new Received(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body, signed));
        firstCall.countDown();
        CountDownLatch waiting = hold;
        if (waiting != null) {
            try {
                waiting.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // echoes the credential it was sent, as careless servers do: Countdown's evidence must not keep it
        String echo = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        respond(exchange, signed ? 202 : 401, signed ? "{\"rollback\":\"accepted\",\"seen\":\"" + echo + "\"}"
                : "{\"error\":\"bad signature\"}");
    }

    /** As a receiver should: the timestamp within five minutes, the HMAC compared in constant time. */
    private boolean verify(String timestamp, String signature, String body) {
        if (timestamp == null || signature == null || !signature.startsWith("v1=")) {
            return false;
        }
        if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > 300) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature.substring(3)));
        } catch (Exception e) {
            return false;
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
