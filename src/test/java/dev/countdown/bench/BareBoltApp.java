package dev.countdown.bench;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * The floor of {@link AckBenchmark}: a Bolt app that only acks, in a process of its own, behind the
 * JDK's HTTP server on virtual threads. It receives the same signed requests as Countdown and does
 * what Bolt does with them (signature check, parsing, routing to a handler) and nothing else.
 *
 * <p>Arguments: port, signing secret, Slack API URL (Bolt calls {@code auth.test} once, on the first request).
 */
public final class BareBoltApp {

    private BareBoltApp() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(args[2]);
        App app = new App(AppConfig.builder().slack(Slack.getInstance(config)).singleTeamBotToken("xoxb-floor")
                .signingSecret(args[1]).build());
        app.command("/release", (req, ctx) -> ctx.ack());
        app.blockAction(Pattern.compile("^cd\\|.*"), (req, ctx) -> ctx.ack());
        SlackRequestParser parser = new SlackRequestParser(app.config());
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/health", exchange -> write(exchange, 200, "application/json", "{\"status\":\"UP\"}"));
        server.createContext("/slack/events", exchange -> {
            try {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Map<String, List<String>> headers = new HashMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values));
                Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder()
                        .requestUri("/slack/events").queryString(Map.of()).headers(new RequestHeaders(headers))
                        .requestBody(body).remoteAddress("127.0.0.1").build());
                Response response = app.run(request);
                write(exchange, response.getStatusCode(), response.getContentType() == null ? "text/plain"
                        : response.getContentType(), response.getBody() == null ? "" : response.getBody());
            } catch (Exception e) {
                write(exchange, 500, "text/plain", String.valueOf(e));
            }
        });
        server.start();
    }

    private static void write(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
