package dev.countdown.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Discord's gateway on 127.0.0.1, as much as JDA needs: HELLO on connect, READY and a
 * GUILD_CREATE for the one guild on IDENTIFY, heartbeat ACKs, and dispatches the test sends.
 */
final class FakeDiscordGateway extends WebSocketServer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeDiscord discord;
    private final AtomicInteger sequence = new AtomicInteger();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile CountDownLatch ready = new CountDownLatch(1);
    private volatile WebSocket session;

    FakeDiscordGateway(FakeDiscord discord) {
        super(new InetSocketAddress("127.0.0.1", 0));
        this.discord = discord;
        setReuseAddr(true);
    }

    void begin() {
        start();
        try {
            started.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String url() {
        return "ws://127.0.0.1:" + getPort();
    }

    /** Waits for the bot to have identified and received its guild. */
    void awaitReady(Duration timeout) {
        try {
            if (!ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the bot did not identify within " + timeout + "; frames: " + received);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void dispatch(String type, JsonNode data) {
        ObjectNode frame = JSON.createObjectNode().put("op", 0).put("t", type).put("s", sequence.incrementAndGet());
        frame.set("d", data);
        session.send(frame.toString());
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        session = conn;
        conn.send(JSON.createObjectNode().put("op", 10).set("d", JSON.createObjectNode().put("heartbeat_interval", 41250))
                .toString());
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        received.add(message);
        JsonNode frame;
        try {
            frame = JSON.readTree(message);
        } catch (java.io.IOException e) {
            return;
        }
        switch (frame.path("op").asInt()) {
            case 1 -> conn.send(JSON.createObjectNode().put("op", 11).toString());
            case 2, 6 -> {
                dispatch("READY", readyPayload());
                dispatch("GUILD_CREATE", discord.guildCreate());
                ready.countDown();
            }
            default -> {
            }
        }
    }

    private ObjectNode readyPayload() {
        ObjectNode d = JSON.createObjectNode().put("v", 10).put("session_id", "session-1")
                .put("resume_gateway_url", url());
        d.set("user", discord.botUser());
        ArrayNode guilds = d.putArray("guilds");
        guilds.addObject().put("id", FakeDiscord.GUILD).put("unavailable", true);
        d.putArray("private_channels");
        d.putObject("application").put("id", FakeDiscord.APP).put("flags", 0);
        return d;
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
    }
}
