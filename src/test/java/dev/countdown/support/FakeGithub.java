package dev.countdown.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.countdown.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * GitHub's Actions API on loopback, as far as a workflow_dispatch goes: a dispatch starts a run
 * named by its {@code countdown_run_id} input (as a workflow with {@code run-name:
 * ${{ inputs.countdown_run_id }}} does), and the workflow's runs list it.
 */
public final class FakeGithub implements AutoCloseable {

    /** A dispatch as received: its body and its Authorization header. */
    public record Dispatch(JsonNode body, String authorization) {
    }

    private final HttpServer server;
    private final List<Dispatch> dispatches = new CopyOnWriteArrayList<>();
    private final List<String> runs = new CopyOnWriteArrayList<>();
    private final AtomicBoolean dropNextAnswer = new AtomicBoolean();

    public FakeGithub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/repos/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next dispatch starts its run, but its answer is lost on the way back. */
    public void dropNextAnswer() {
        dropNextAnswer.set(true);
    }

    public List<Dispatch> dispatches() {
        return List.copyOf(dispatches);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!path.startsWith("/repos/acme/checkout/actions/workflows/rollback.yml/")) {
            respond(exchange, 404, "{\"message\":\"Not Found\"}");
        } else if (exchange.getRequestMethod().equals("POST") && path.endsWith("/dispatches")) {
            JsonNode body = Json.MAPPER.readTree(exchange.getRequestBody().readAllBytes());
            dispatches.add(new Dispatch(body, exchange.getRequestHeaders().getFirst("Authorization")));
            runs.add(body.path("inputs").path("countdown_run_id").asText());
            if (dropNextAnswer.getAndSet(false)) {
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        } else if (exchange.getRequestMethod().equals("GET") && path.endsWith("/runs")) {
            ObjectNode list = Json.MAPPER.createObjectNode();
            ArrayNode array = list.putArray("workflow_runs");
            for (int k = 0; k < runs.size(); k++) {
                array.addObject().put("id", 1000 + k).put("display_title", runs.get(k))
                        .put("html_url", "https://github.example/acme/checkout/actions/runs/" + (1000 + k));
            }
            list.put("total_count", runs.size());
            respond(exchange, 200, list.toString());
        } else {
            respond(exchange, 404, "{\"message\":\"Not Found\"}");
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
        server.stop(0);
    }
}
