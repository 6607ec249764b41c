package dev.countdown.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A Slack Web API on 127.0.0.1 for the real Slack SDK: records every call, keeps the messages it
 * was sent as a channel would show them (with their metadata, returned by
 * {@code conversations.history} and {@code conversations.replies} when asked for), answers
 * {@code auth.test}, and can be told to answer 429 or 500 to the next calls, 429 to one method,
 * or 503 to everything while it is "down".
 */
public final class FakeSlack implements AutoCloseable {

    /** A Web API call as received: the method and its form parameters. */
    /** A Web API call as Slack received it, and when. */
    public record Call(String method, Map<String, String> params, Instant at) {
        public String param(String name) {
            return params.get(name);
        }
    }

    /** A message as the channel shows it now. */
    public record Message(String channel, String ts, String threadTs, String text, JsonNode blocks, boolean broadcast,
                          JsonNode metadata, JsonNode files) {
        /** Every text in the blocks, joined: what a reader sees. */
        public String visibleText() {
            StringBuilder out = new StringBuilder();
            blocks.findValues("text").forEach(t -> out.append(t.isTextual() ? t.asText() : t.path("text").asText()).append('\n'));
            return out.toString();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MockWebServer server = new MockWebServer();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Message> messages = new ConcurrentHashMap<>();
    private final Map<String, List<String>> groups = new ConcurrentHashMap<>();
    private final Map<String, String> people = new ConcurrentHashMap<>();
    private final Map<String, String> uploads = new ConcurrentHashMap<>();
    private final Deque<Integer> failures = new ArrayDeque<>();
    private final Map<String, Deque<Integer>> methodLimits = new ConcurrentHashMap<>();
    private volatile boolean down;
    private volatile String holdMethod;
    private volatile java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
    private volatile java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);
    private final AtomicInteger ts = new AtomicInteger();
    private final List<String> socketFrames = new CopyOnWriteArrayList<>();
    private final AtomicInteger socketConnections = new AtomicInteger();
    private volatile okhttp3.WebSocket socket;

    public FakeSlack start() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        try {
            server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** The settings that run Countdown's Slack app against this fake, signed with {@code signingSecret}. */
    public java.util.Map<String, String> appSettings(String signingSecret) {
        return java.util.Map.of(
                "countdown.slack.bot-token", "xoxb-test-token",
                "countdown.slack.signing-secret", signingSecret,
                "countdown.slack.api-url", apiUrl());
    }

    public String apiUrl() {
        return server.url("/api/").toString();
    }

    /** Someone Slack knows, by the display name in their profile. */
    public void person(String user, String displayName) {
        people.put(user, displayName);
    }

    public void groupMembers(String group, List<String> users) {
        groups.put(group, users);
    }

    /** The next {@code count} chat.* calls answer {@code status} (429 with Retry-After: 1, or 500). */
    public synchronized void fail(int status, int count) {
        for (int k = 0; k < count; k++) {
            failures.add(status);
        }
    }

    /** The next {@code count} calls of {@code method} answer 429 with {@code Retry-After: retryAfterSeconds}. */
    public synchronized void rateLimit(String method, int count, int retryAfterSeconds) {
        Deque<Integer> queue = methodLimits.computeIfAbsent(method, m -> new ArrayDeque<>());
        for (int k = 0; k < count; k++) {
            queue.add(retryAfterSeconds);
        }
    }

    /** While down, every Web API call answers 503 (and is still recorded). */
    public void down(boolean down) {
        this.down = down;
    }

    /**
     * The next call of {@code method} is carried out, then its answer is held back until the fake
     * closes: the caller's process can be killed after Slack did the work and before it heard so.
     */
    public void holdNext(String method) {
        held = new java.util.concurrent.CountDownLatch(1);
        holdMethod = method;
    }

    /** Lets the held call answer now, rather than when the fake closes. */
    public void releaseHeld() {
        java.util.concurrent.CountDownLatch holding = released;
        released = new java.util.concurrent.CountDownLatch(1);
        holding.countDown();
    }

    /** Waits until a held call has been carried out. */
    public void awaitHeld(Duration timeout) throws InterruptedException {
        if (!held.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new AssertionError("Slack never received " + holdMethod);
        }
    }

    /** The bytes of every file uploaded, by file id. */
    public Map<String, String> uploads() {
        return Map.copyOf(uploads);
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    public List<Message> channel(String channel) {
        return messages.values().stream().filter(m -> m.channel().equals(channel) && m.threadTs() == null).toList();
    }

    public List<Message> thread(String rootTs) {
        return messages.values().stream().filter(m -> rootTs.equals(m.threadTs()))
                .sorted(java.util.Comparator.comparing(Message::ts)).toList();
    }

    /** The first message of a thread whose visible text contains {@code text}. */
    public Message find(String rootTs, String text) {
        return thread(rootTs).stream().filter(m -> m.visibleText().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no message in the thread shows '" + text + "'"));
    }

    /** Waits for a call that background work makes after an acknowledgement. */
    public Call await(String method, Duration timeout) {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            List<Call> found = calls(method);
            if (!found.isEmpty()) {
                return found.getLast();
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("Slack never received " + method);
    }

    private MockResponse answer(RecordedRequest request) {
        MockResponse response = carryOut(request);
        String method = request.getUrl().encodedPath().replaceFirst("^/api/", "");
        if (method.equals(holdMethod)) {
            holdMethod = null;
            java.util.concurrent.CountDownLatch until = released;
            held.countDown();
            try {
                until.await(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return response;
    }

    private MockResponse carryOut(RecordedRequest request) {
        if (request.getUrl().encodedPath().equals("/socket")) {
            return new MockResponse.Builder().webSocketUpgrade(socketListener()).build();
        }
        if (request.getUrl().encodedPath().startsWith("/upload/")) {
            uploads.put(request.getUrl().encodedPath().substring("/upload/".length()),
                    request.getBody() == null ? "" : request.getBody().utf8());
            return json(200, "OK", null, null);
        }
        String method = request.getUrl().encodedPath().replaceFirst("^/api/", "");
        Map<String, String> params = form(request.getBody() == null ? "" : request.getBody().utf8());
        calls.add(new Call(method, params, Instant.now()));
        if (down) {
            return json(503, "{\"ok\":false,\"error\":\"service_unavailable\"}", null, null);
        }
        Integer retryAfter = nextLimit(method);
        if (retryAfter != null) {
            return json(429, "{\"ok\":false,\"error\":\"ratelimited\"}", "Retry-After", retryAfter.toString());
        }
        if (method.startsWith("chat.") && !method.equals("chat.postEphemeral")) {
            Integer failure = nextFailure();
            if (failure != null) {
                return failure == 429
                        ? json(429, "{\"ok\":false,\"error\":\"ratelimited\"}", "Retry-After", "1")
                        : json(failure, "{\"ok\":false,\"error\":\"internal_error\"}", null, null);
            }
        }
        return switch (method) {
            case "auth.test" -> json(200, "{\"ok\":true,\"url\":\"https://fake.slack/\",\"team\":\"Fake\",\"user\":\"countdown\","
                    + "\"team_id\":\"T1\",\"user_id\":\"U0BOT\",\"bot_id\":\"B1\"}", null, null);
            case "apps.connections.open" -> json(200, "{\"ok\":true,\"url\":\"ws://" + server.getHostName() + ":"
                    + server.getPort() + "/socket\"}", null, null);
            case "chat.postMessage" -> post(params);
            case "chat.update" -> update(params);
            case "chat.delete" -> delete(params);
            case "conversations.history" -> history(params, channel(params.get("channel")));
            case "conversations.replies" -> history(params, replies(params.get("ts")));
            case "chat.postEphemeral" -> json(200, "{\"ok\":true,\"message_ts\":\"1.1\"}", null, null);
            case "files.getUploadURLExternal" -> {
                String id = "F" + ts.incrementAndGet();
                yield json(200, "{\"ok\":true,\"file_id\":\"" + id + "\",\"upload_url\":\""
                        + server.url("/upload/" + id) + "\"}", null, null);
            }
            case "files.completeUploadExternal" -> completeUpload(params);
            case "views.open" -> json(200, "{\"ok\":true,\"view\":{\"id\":\"V1\"}}", null, null);
            case "users.info" -> people.containsKey(params.get("user"))
                    ? json(200, "{\"ok\":true,\"user\":{\"id\":\"" + params.get("user") + "\",\"name\":\""
                    + params.get("user").toLowerCase() + "\",\"real_name\":\"\",\"profile\":{\"display_name\":\""
                    + people.get(params.get("user")) + "\",\"real_name\":\"\"}}}", null, null)
                    : json(200, "{\"ok\":false,\"error\":\"user_not_found\"}", null, null);
            case "usergroups.users.list" -> json(200, "{\"ok\":true,\"users\":" + toJson(groups.getOrDefault(
                    params.get("usergroup"), List.of())) + "}", null, null);
            default -> json(200, "{\"ok\":false,\"error\":\"unknown_method\"}", null, null);
        };
    }

    private MockResponse post(Map<String, String> p) {
        String newTs = "1700000000." + String.format("%06d", ts.incrementAndGet());
        messages.put(newTs, new Message(p.get("channel"), newTs, p.get("thread_ts"), p.get("text"), blocks(p),
                "true".equals(p.get("reply_broadcast")) || "1".equals(p.get("reply_broadcast")),
                p.containsKey("metadata") ? tree(p.get("metadata")) : null, null));
        return json(200, "{\"ok\":true,\"channel\":\"" + p.get("channel") + "\",\"ts\":\"" + newTs + "\"}", null, null);
    }

    private MockResponse update(Map<String, String> p) {
        Message old = messages.get(p.get("ts"));
        if (old == null) {
            return json(200, "{\"ok\":false,\"error\":\"message_not_found\"}", null, null);
        }
        messages.put(old.ts(), new Message(old.channel(), old.ts(), old.threadTs(), p.get("text"), blocks(p), old.broadcast(),
                p.containsKey("metadata") ? tree(p.get("metadata")) : old.metadata(), old.files()));
        return json(200, "{\"ok\":true,\"channel\":\"" + old.channel() + "\",\"ts\":\"" + old.ts() + "\"}", null, null);
    }

    private MockResponse delete(Map<String, String> p) {
        Message old = messages.remove(p.get("ts"));
        return old == null ? json(200, "{\"ok\":false,\"error\":\"message_not_found\"}", null, null)
                : json(200, "{\"ok\":true,\"channel\":\"" + old.channel() + "\",\"ts\":\"" + old.ts() + "\"}", null, null);
    }

    /** As Slack does: the files are shared in the thread by a message whose text is the initial comment. */
    private MockResponse completeUpload(Map<String, String> p) {
        String newTs = "1700000000." + String.format("%06d", ts.incrementAndGet());
        messages.put(newTs, new Message(p.get("channel_id"), newTs, p.get("thread_ts"), p.get("initial_comment"),
                JSON.createArrayNode(), false, null, tree(p.getOrDefault("files", "[]"))));
        return json(200, "{\"ok\":true,\"files\":[]}", null, null);
    }

    /** Messages as the history methods return them; metadata only with include_all_metadata. */
    private MockResponse history(Map<String, String> p, List<Message> found) {
        boolean metadata = "true".equals(p.get("include_all_metadata")) || "1".equals(p.get("include_all_metadata"));
        var list = JSON.createArrayNode();
        found.stream().sorted(java.util.Comparator.comparing(Message::ts)).forEach(m -> {
            var node = list.addObject().put("type", "message").put("ts", m.ts()).put("text", m.text());
            if (m.threadTs() != null) {
                node.put("thread_ts", m.threadTs());
            }
            if (metadata && m.metadata() != null) {
                node.set("metadata", m.metadata());
            }
            if (m.files() != null) {
                node.set("files", m.files());
            }
        });
        return json(200, "{\"ok\":true,\"messages\":" + list + ",\"has_more\":false}", null, null);
    }

    private List<Message> replies(String rootTs) {
        return messages.values().stream().filter(m -> rootTs.equals(m.ts()) || rootTs.equals(m.threadTs())).toList();
    }

    /** Sends a Socket Mode envelope to the connected app. */
    public void sendEnvelope(String json) {
        Instant end = Instant.now().plusSeconds(10);
        while (socket == null && Instant.now().isBefore(end)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (socket == null) {
            throw new AssertionError("the app never opened a Socket Mode connection");
        }
        socket.send(json);
    }

    /** Frames the app sent over Socket Mode: its acknowledgements. */
    public List<String> socketFrames() {
        return List.copyOf(socketFrames);
    }

    public int socketConnections() {
        return socketConnections.get();
    }

    private okhttp3.WebSocketListener socketListener() {
        return new okhttp3.WebSocketListener() {
            @Override
            public void onOpen(okhttp3.WebSocket webSocket, okhttp3.Response response) {
                socketConnections.incrementAndGet();
                webSocket.send("{\"type\":\"hello\",\"num_connections\":1,\"connection_info\":{\"app_id\":\"A1\"}}");
                socket = webSocket;
            }

            @Override
            public void onMessage(okhttp3.WebSocket webSocket, String text) {
                socketFrames.add(text);
            }

            @Override
            public void onClosing(okhttp3.WebSocket webSocket, int code, String reason) {
                // Without closing back, shutting the server down waits five seconds (BUILD-NOTES).
                webSocket.close(1000, null);
            }
        };
    }

    private synchronized Integer nextLimit(String method) {
        Deque<Integer> queue = methodLimits.get(method);
        return queue == null ? null : queue.poll();
    }

    private synchronized Integer nextFailure() {
        return failures.poll();
    }

    private static JsonNode blocks(Map<String, String> p) {
        try {
            return p.get("blocks") == null ? JSON.createArrayNode() : JSON.readTree(p.get("blocks"));
        } catch (IOException e) {
            throw new AssertionError("Countdown sent blocks that are not JSON: " + p.get("blocks"), e);
        }
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("Countdown sent something that is not JSON: " + json, e);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        if (body.startsWith("{")) {
            try {
                JSON.readTree(body).fields().forEachRemaining(e -> params.put(e.getKey(),
                        e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            return params;
        }
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                params.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MockResponse json(int status, String body, String header, String value) {
        MockResponse.Builder response = new MockResponse.Builder().code(status)
                .addHeader("Content-Type", "application/json; charset=utf-8").body(body);
        if (header != null) {
            response.addHeader(header, value);
        }
        return response.build();
    }

    @Override
    public void close() {
        released.countDown();
        server.close();
    }
}
