package dev.countdown.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Discord on 127.0.0.1 for the real JDA: a gateway ({@link FakeDiscordGateway}) and the REST
 * endpoints JDA calls. It records every call, keeps each message with its current components
 * (and attachments), honours {@code nonce} with {@code enforce_nonce}, starts threads from
 * messages, answers interaction callbacks, follow-ups and {@code @original} edits, and can be told
 * to answer 429 with a retry-after to the next calls. Interactions are sent with {@link FakeDiscordUsers}.
 */
public final class FakeDiscord implements AutoCloseable {

    public static final String GUILD = "700000000000000001";
    public static final String APP = "700000000000000002";
    public static final String BOT = "700000000000000003";
    public static final String CHANNEL = "700000000000000004";
    /** What the bot may do in the guild: view, send, send in threads, create public threads, attach, read history. */
    static final long PERMISSIONS = (1L << 10) | (1L << 11) | (1L << 38) | (1L << 35) | (1L << 15) | (1L << 16);

    static final ObjectMapper JSON = new ObjectMapper();

    /** A REST call as received. */
    public record Call(String method, String path, String body) {
    }

    /** A message as its channel shows it now. */
    public record Message(String id, String channelId, JsonNode json) {
        /** Every text display's content, and the plain content: what a reader sees. */
        public String visibleText() {
            StringBuilder out = new StringBuilder(json.path("content").asText()).append('\n');
            json.path("components").findValues("content").forEach(t -> out.append(t.asText()).append('\n'));
            return out.toString();
        }

        /** Every custom id of the message's buttons and selects. */
        public List<String> customIds() {
            List<String> ids = new ArrayList<>();
            json.path("components").findValues("custom_id").forEach(n -> ids.add(n.asText()));
            return ids;
        }

        public List<String> attachmentNames() {
            List<String> names = new ArrayList<>();
            json.path("attachments").forEach(a -> names.add(a.path("filename").asText()));
            return names;
        }
    }

    private record Limit(String method, String pathPrefix, double retryAfter, boolean global) {
    }

    private final HttpServer http;
    private final FakeDiscordGateway gateway = new FakeDiscordGateway(this);
    private final AtomicLong ids = new AtomicLong();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Message> messages = new ConcurrentHashMap<>();
    private final List<String> order = new CopyOnWriteArrayList<>();
    private final Map<String, String> nonces = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> threads = new ConcurrentHashMap<>();
    private final Map<String, String> files = new ConcurrentHashMap<>();
    private final Deque<Limit> limits = new ArrayDeque<>();
    private final java.util.concurrent.atomic.AtomicInteger lostAnswers = new java.util.concurrent.atomic.AtomicInteger();
    final FakeDiscordUsers users = new FakeDiscordUsers(this);

    public FakeDiscord() {
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        http.createContext("/api/v10/", this::handle);
    }

    public FakeDiscord start() {
        http.start();
        gateway.begin();
        return this;
    }

    /** The settings that point Countdown's bot here. */
    public Map<String, String> botSettings() {
        return Map.of("countdown.discord.token", "fake.discord.token",
                "countdown.discord.api-url", "http://127.0.0.1:" + http.getAddress().getPort() + "/api/v10/",
                "countdown.discord.gateway-url", gateway.url());
    }

    /** How many bots are connected to the gateway now: one, when one replica holds it. */
    public int gatewayConnections() {
        return gateway.getConnections().size();
    }

    /** Whether the newest gateway connection has identified: a bot that took the gateway over is ready. */
    public boolean sessionReady() {
        return gateway.sessionReady();
    }

    public void awaitReady(Duration timeout) {
        gateway.awaitReady(timeout);
    }

    public FakeDiscordUsers users() {
        return users;
    }

    /** The next {@code count} calls of {@code method} on a path starting with {@code pathPrefix} answer 429. */
    public synchronized void rateLimit(String method, String pathPrefix, int count, double retryAfter, boolean global) {
        for (int k = 0; k < count; k++) {
            limits.add(new Limit(method, pathPrefix, retryAfter, global));
        }
    }

    /**
     * The next {@code count} message creates are made, but answered 500 as if the answer were lost
     * on its way: the bot cannot know the message exists.
     */
    public void loseAnswers(int count) {
        lostAnswers.set(count);
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method, String pathPart) {
        return calls.stream().filter(c -> c.method().equals(method) && c.path().contains(pathPart)).toList();
    }

    /** The messages of a channel or thread, oldest first, deleted ones left out. */
    public List<Message> channel(String channelId) {
        return order.stream().map(messages::get).filter(m -> m != null && m.channelId().equals(channelId)).toList();
    }

    public Optional<Message> message(String id) {
        return Optional.ofNullable(messages.get(id));
    }

    /** The message of the thread whose text contains {@code text}. */
    public Message find(String threadId, String text) {
        return channel(threadId).stream().filter(m -> m.visibleText().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no message with '" + text + "' in " + threadId + ": "
                        + channel(threadId).stream().map(Message::visibleText).toList()));
    }

    java.util.Collection<ObjectNode> threads() {
        return threads.values();
    }

    public boolean hasThread(String id) {
        return threads.containsKey(id);
    }

    /** The content of every uploaded file by name. */
    public Map<String, String> files() {
        return Map.copyOf(files);
    }

    void dispatch(String type, JsonNode data) {
        gateway.dispatch(type, data);
    }

    /** A snowflake of now: JDA reads an interaction's age from its id, and refuses to answer an old one. */
    String nextId() {
        long now = (System.currentTimeMillis() - 1_420_070_400_000L) << 22;
        return Long.toString(ids.updateAndGet(last -> Math.max(last + 1, now)));
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath().substring("/api/v10/".length());
        byte[] raw = exchange.getRequestBody().readAllBytes();
        String contentType = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
        String body = contentType.startsWith("multipart/") ? FakeDiscordMultipart.payload(raw, contentType, files)
                : new String(raw, StandardCharsets.UTF_8);
        calls.add(new Call(method, path, body));
        Optional<Limit> limit = limited(method, path);
        if (limit.isPresent()) {
            exchange.getResponseHeaders().add("Retry-After", Long.toString((long) Math.ceil(limit.get().retryAfter())));
            if (limit.get().global()) {
                exchange.getResponseHeaders().add("X-RateLimit-Global", "true");
            }
            exchange.getResponseHeaders().add("X-RateLimit-Scope", limit.get().global() ? "global" : "user");
            send(exchange, 429, JSON.createObjectNode().put("message", "You are being rate limited.")
                    .put("retry_after", limit.get().retryAfter()).put("global", limit.get().global()));
            return;
        }
        JsonNode request = body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        String[] p = path.split("/");
        try {
            route(exchange, method, p, request);
        } catch (RuntimeException e) {
            send(exchange, 500, JSON.createObjectNode().put("message", e.toString()).put("code", 0));
        }
    }

    private void route(HttpExchange ex, String method, String[] p, JsonNode request) throws IOException {
        if (method.equals("GET") && p[0].equals("users") && p[1].equals("@me")) {
            send(ex, 200, botUser());
        } else if (method.equals("GET") && p[0].equals("gateway")) {
            send(ex, 200, JSON.createObjectNode().put("url", gateway.url()));
        } else if (method.equals("PUT") && p[0].equals("applications")) {
            ArrayNode registered = JSON.createArrayNode();
            request.forEach(c -> registered.add(((ObjectNode) c.deepCopy()).put("id", nextId())
                    .put("application_id", APP).put("guild_id", GUILD).put("version", nextId())));
            send(ex, 200, registered);
        } else if (p[0].equals("interactions") || p[0].equals("webhooks")) {
            users.answer(ex, method, p, request);
        } else if (method.equals("POST") && p[0].equals("channels") && p.length == 3 && p[2].equals("messages")) {
            ObjectNode created = create(p[1], request);
            if (lostAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                send(ex, 500, JSON.createObjectNode().put("message", "lost on its way").put("code", 0));
                return;
            }
            send(ex, 200, created);
        } else if (method.equals("PATCH") && p[0].equals("channels") && p.length == 4) {
            Message m = messages.get(p[3]);
            if (m == null) {
                send(ex, 404, JSON.createObjectNode().put("message", "Unknown Message").put("code", 10008));
                return;
            }
            ObjectNode json = (ObjectNode) m.json().deepCopy();
            request.fields().forEachRemaining(f -> json.set(f.getKey(), f.getValue()));
            json.put("edited_timestamp", Instant.now().toString());
            messages.put(m.id(), new Message(m.id(), m.channelId(), json));
            send(ex, 200, json);
        } else if (method.equals("DELETE") && p[0].equals("channels") && p.length == 4) {
            if (messages.remove(p[3]) == null) {
                send(ex, 404, JSON.createObjectNode().put("message", "Unknown Message").put("code", 10008));
            } else {
                send(ex, 204, null);
            }
        } else if (method.equals("POST") && p[0].equals("channels") && p.length == 5 && p[4].equals("threads")) {
            send(ex, 201, startThread(p[1], p[3], request.path("name").asText("thread")));
        } else if (method.equals("GET") && p[0].equals("guilds") && path(p).endsWith("threads/active")) {
            ObjectNode list = JSON.createObjectNode();
            list.putArray("threads").addAll(threads.values());
            list.putArray("members");
            send(ex, 200, list);
        } else {
            send(ex, 404, JSON.createObjectNode().put("message", "404: Not Found").put("code", 0));
        }
    }

    private synchronized ObjectNode create(String channelId, JsonNode request) {
        String nonce = request.path("nonce").asText("");
        if (request.path("enforce_nonce").asBoolean(false) && !nonce.isEmpty()) {
            String earlier = nonces.get(channelId + "/" + nonce);
            if (earlier != null && messages.containsKey(earlier)) {
                return (ObjectNode) messages.get(earlier).json();
            }
        }
        String id = nextId();
        ObjectNode json = messageJson(id, channelId, request);
        messages.put(id, new Message(id, channelId, json));
        order.add(id);
        if (!nonce.isEmpty()) {
            nonces.put(channelId + "/" + nonce, id);
        }
        return json;
    }

    ObjectNode messageJson(String id, String channelId, JsonNode request) {
        ObjectNode json = JSON.createObjectNode().put("id", id).put("type", 0).put("channel_id", channelId)
                .put("guild_id", GUILD).put("content", request.path("content").asText(""))
                .put("timestamp", Instant.now().toString()).putNull("edited_timestamp").put("tts", false)
                .put("mention_everyone", false).put("pinned", false).put("flags", request.path("flags").asInt(0));
        json.set("author", botUser());
        json.putArray("mentions");
        json.putArray("mention_roles");
        json.putArray("embeds");
        json.set("components", request.path("components").isArray() ? request.get("components") : JSON.createArrayNode());
        ArrayNode attachments = json.putArray("attachments");
        request.path("attachments").forEach(a -> attachments.addObject().put("id", nextId())
                .put("filename", a.path("filename").asText()).put("size", 1)
                .put("url", "http://127.0.0.1/" + a.path("filename").asText())
                .put("proxy_url", "http://127.0.0.1/" + a.path("filename").asText()));
        if (request.has("nonce")) {
            json.set("nonce", request.get("nonce"));
        }
        return json;
    }

    private ObjectNode startThread(String channelId, String messageId, String name) {
        ObjectNode thread = JSON.createObjectNode().put("id", messageId).put("type", 11).put("guild_id", GUILD)
                .put("parent_id", channelId).put("name", name).put("owner_id", BOT).put("member_count", 1)
                .put("message_count", 0).put("rate_limit_per_user", 0).put("flags", 0);
        thread.putObject("thread_metadata").put("archived", false).put("locked", false).put("invitable", true)
                .put("auto_archive_duration", 10080).put("archive_timestamp", Instant.now().toString());
        threads.put(messageId, thread);
        return thread;
    }

    private synchronized Optional<Limit> limited(String method, String path) {
        Limit next = limits.peekFirst();
        if (next != null && next.method().equals(method) && path.startsWith(next.pathPrefix())) {
            return Optional.of(limits.pollFirst());
        }
        return Optional.empty();
    }

    static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String path(String[] parts) {
        return String.join("/", parts);
    }

    ObjectNode botUser() {
        return JSON.createObjectNode().put("id", BOT).put("username", "countdown").put("discriminator", "0000")
                .putNull("avatar").put("bot", true).putNull("global_name").put("public_flags", 0).put("flags", 0)
                .put("verified", true).put("mfa_enabled", false);
    }

    @Override
    public void close() {
        http.stop(0);
        try {
            gateway.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
