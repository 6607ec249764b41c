package dev.countdown.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
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
    /** The connection that last identified: interactions go to {@link #session}, and JDA acts on them once it is ready. */
    private volatile WebSocket identified;

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

    /** Whether the bot on the newest connection has identified and has its guild. */
    boolean sessionReady() {
        return session != null && session == identified;
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
                dispatch("GUILD_CREATE", guildCreate());
                identified = conn;
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

    /** The guild as GUILD_CREATE sends it: the channel, the threads started so far, the roles, the bot. */
    private ObjectNode guildCreate() {
        ObjectNode g = JSON.createObjectNode().put("id", FakeDiscord.GUILD).put("name", "Shop").putNull("icon").putNull("splash")
                .put("owner_id", "700000000000000009").put("afk_timeout", 300).put("verification_level", 0)
                .put("default_message_notifications", 0).put("explicit_content_filter", 0).put("mfa_level", 0)
                .put("premium_tier", 0).put("preferred_locale", "en-US").put("nsfw_level", 0).put("member_count", 1)
                .put("large", false).put("unavailable", false).put("joined_at", Instant.now().toString())
                .putNull("system_channel_id").putNull("description").putNull("banner").put("max_members", 1000);
        ArrayNode roles = g.putArray("roles");
        role(roles, FakeDiscord.GUILD, "@everyone", 0, FakeDiscord.PERMISSIONS);
        discord.users.roles().forEach(r -> role(roles, r, "role " + r, 1, 0));
        ObjectNode channel = g.putArray("channels").addObject().put("id", FakeDiscord.CHANNEL).put("type", 0).put("guild_id", FakeDiscord.GUILD)
                .put("name", "deployments").put("position", 0).putNull("parent_id").put("nsfw", false)
                .put("rate_limit_per_user", 0).put("flags", 0);
        channel.putArray("permission_overwrites");
        g.putArray("threads").addAll(discord.threads());
        ObjectNode self = g.putArray("members").addObject().put("joined_at", Instant.now().toString())
                .put("deaf", false).put("mute", false).put("flags", 0).put("pending", false);
        self.set("user", discord.botUser());
        self.putArray("roles");
        for (String empty : java.util.List.of("guild_scheduled_events", "emojis", "voice_states", "stickers", "features",
                "presences", "stage_instances", "soundboard_sounds")) {
            g.putArray(empty);
        }
        return g;
    }

    private static void role(ArrayNode roles, String id, String name, int position, long permissions) {
        ObjectNode role = roles.addObject().put("id", id).put("name", name).put("color", 0).put("hoist", false)
                .put("position", position).put("permissions", Long.toString(permissions)).put("managed", false)
                .put("mentionable", false).put("flags", 0);
        role.putObject("colors").put("primary_color", 0).putNull("secondary_color").putNull("tertiary_color");
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
    }
}
