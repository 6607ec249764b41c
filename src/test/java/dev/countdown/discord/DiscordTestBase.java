package dev.countdown.discord;

import com.sun.net.httpserver.HttpServer;
import dev.countdown.chat.ChatDispatcher;
import dev.countdown.support.FakeDiscord;
import dev.countdown.support.FakeDiscordUsers;
import dev.countdown.support.FakeDiscordUsers.Person;
import dev.countdown.support.MutableClock;
import dev.countdown.support.ServiceFixture;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The real JDA inside the service, a fake Discord on loopback, a health endpoint for the probe, a clock to move. */
abstract class DiscordTestBase implements TestPropertyProvider {

    static final String RM = "710000000000000010";
    static final String QA = "710000000000000001";
    static final String QA_TEAM = "720000000000000001";
    static final String QA2 = "710000000000000011";
    static final String BE = "710000000000000002";
    static final String BE2 = "710000000000000003";
    static final String STRANGER = "710000000000000099";

    static final String CHECKLIST = """
            # Shop release

            ## Canary

            - [ ] Canary deployed to 5% of traffic
            - [ ] Error rate below 1%

            **Canary Go/No-Go**: ✅ Proceed / ❌ Rollback

            ## Full rollout

            - [ ] 100% of traffic on the new version
            - [ ] Smoke tests pass
            """;

    static final String MANIFEST = """
            service: web
            template: web.md
            channels: %s
            roles:
              qa-lead:
                owners: { discord-users: ["%s"], discord-roles: ["%s"] }
                approvals: 1
              backend-lead:
                owners: { discord-users: ["%s", "%s"] }
                approvals: 2
            permissions:
              start: { discord-users: ["%s"] }
              decide: { discord-users: ["%s"] }
            probes:
              health:
                type: http
                url: "%s"
                expect: { status: 200 }
                timeout: 2s
            bindings:
              health: [canary.error-rate-below-1]
            policy:
              required-roles: [qa-lead, backend-lead]
            """;

    final FakeDiscord discord = new FakeDiscord().start();
    final HttpServer health = healthServer();

    @Inject
    ChatDispatcher dispatcher;
    @Inject
    MutableClock clock;

    @Override
    public Map<String, String> getProperties() {
        discord.users()
                .add(new Person(RM, "rita", "Rita", "Rita (RM)", List.of()))
                .add(new Person(QA, "quinn", "Quinn", null, List.of()))
                .add(new Person(QA2, "qa2", null, null, List.of(QA_TEAM)))
                .add(new Person(BE, "bea", "Bea", null, List.of()))
                .add(new Person(BE2, "ben", "Ben", null, List.of()))
                .add(new Person(STRANGER, "sam", "Sam", null, List.of()));
        String url = "http://127.0.0.1:" + health.getAddress().getPort() + "/health";
        try {
            Map<String, Object> fixture = ServiceFixture.write(Files.createTempDirectory("discord"), CHECKLIST,
                    MANIFEST.formatted(channels(), QA, QA_TEAM, BE, BE2, RM, RM, url));
            Map<String, String> properties = new HashMap<>();
            fixture.forEach((k, v) -> properties.put(k, v.toString()));
            properties.putAll(discord.botSettings());
            properties.put("test.clock", "mutable");
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The manifest's channels. */
    String channels() {
        return "{ discord: [\"" + FakeDiscord.CHANNEL + "\"] }";
    }

    /** The bot is on the gateway before any test sends it an interaction. */
    @BeforeAll
    void connected() {
        discord.awaitReady(Duration.ofSeconds(20));
    }

    @AfterAll
    void stopDiscord() {
        discord.close();
        health.stop(0);
    }

    FakeDiscordUsers.Interaction release(String user, String sub, Map<String, Object> options) {
        return discord.users().slash(user, "release", sub, options).await(Duration.ofSeconds(5));
    }

    /** A second later, the outbox delivers what is due. */
    void deliver() {
        clock.advance(Duration.ofMillis(1100));
        dispatcher.drain();
    }

    /** Delivers until {@code done} holds, as the dispatcher's polls would. */
    void deliverUntil(Predicate<FakeDiscord> done) {
        for (int k = 0; k < 50 && !done.test(discord); k++) {
            deliver();
            sleep(50);
        }
        if (!done.test(discord)) {
            throw new AssertionError("not delivered; calls: " + discord.calls());
        }
    }

    /** The root message of the release started last. */
    FakeDiscord.Message root() {
        List<FakeDiscord.Message> channel = discord.channel(FakeDiscord.CHANNEL);
        return channel.stream().filter(m -> m.visibleText().contains("## Release web")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no root in " + channel));
    }

    static String id(FakeDiscord.Message message, String start, String contains) {
        return message.customIds().stream().filter(i -> i.startsWith(start) && i.contains(contains)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + start + "…" + contains + " in " + message.customIds()));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static HttpServer healthServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/health", exchange -> {
                byte[] body = "ok".getBytes();
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
