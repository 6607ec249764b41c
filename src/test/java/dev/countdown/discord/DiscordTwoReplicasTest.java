package dev.countdown.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.support.FakeDiscord;
import dev.countdown.support.FakeDiscordUsers.Person;
import dev.countdown.support.ServiceFixture;
import dev.countdown.support.ServiceProcess;
import dev.countdown.support.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas, two service processes, on one PostgreSQL behind one Discord bot: one holds the
 * gateway, so each interaction reaches one replica; when it is killed (kill -9) the other takes the
 * gateway over within seconds, and the next command is answered and its thread posted once.
 */
class DiscordTwoReplicasTest {

    private static final String RM = "710000000000000010";
    private static final String QA = "710000000000000001";
    /** Said by the replica that took the gateway, once it logged in (the lock's own line may come before the log level is set). */
    private static final String HOLDS = "Discord bot logged in";
    private static final Duration WAIT = Duration.ofSeconds(45);

    @TempDir
    Path dir;

    @Test
    void oneReplicaHoldsTheGatewayAndAnotherTakesOverWhenItDies() throws Exception {
        try (FakeDiscord discord = new FakeDiscord().start()) {
            discord.users().add(new Person(RM, "rita", "Rita", null, List.of()))
                    .add(new Person(QA, "quinn", "Quinn", null, List.of()));
            Map<String, String> env = environment(discord);
            try (ServiceProcess a = start("a", env); ServiceProcess b = start("b", env)) {
                try {
                    await(() -> holds(a) || holds(b));
                } catch (AssertionError e) {
                    throw new AssertionError("no replica took the gateway:\n" + a.log() + "\n" + b.log(), e);
                }
                await(() -> discord.gatewayConnections() == 1);
                Thread.sleep(DiscordConnection.CHECK.multipliedBy(2).toMillis());
                assertThat(discord.gatewayConnections()).as("one replica on the gateway").isEqualTo(1);
                assertThat(holds(a) && holds(b)).as("never both").isFalse();
                ServiceProcess leader = holds(a) ? a : b;
                ServiceProcess standby = leader == a ? b : a;

                leader.kill();
                Instant killed = Instant.now();
                await(() -> holds(standby));
                await(() -> discord.gatewayConnections() == 1 && discord.sessionReady());
                Duration takeover = Duration.between(killed, Instant.now());
                assertThat(takeover).as("taken over within seconds").isLessThan(Duration.ofSeconds(20));

                var started = discord.users().slash(RM, "release", "start", Map.of("version", "v1.0.0"))
                        .await(Duration.ofSeconds(15));
                assertThat(started.text()).contains("Release web v1.0.0 started.");
                await(() -> discord.channel(FakeDiscord.CHANNEL).stream()
                        .anyMatch(m -> m.visibleText().contains("web v1.0.0")));
                Thread.sleep(1_000);
                assertThat(discord.channel(FakeDiscord.CHANNEL)).as("the root once")
                        .filteredOn(m -> m.visibleText().contains("web v1.0.0")).hasSize(1);
                System.out.printf("Discord gateway taken over %d ms after the holder's kill%n", takeover.toMillis());
            }
        }
    }

    private static boolean holds(ServiceProcess service) {
        try {
            return service.log().contains(HOLDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ServiceProcess start(String name, Map<String, String> env) throws Exception {
        return ServiceProcess.start(Files.createDirectories(dir.resolve(name)), env);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant end = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(100);
        }
    }

    private Map<String, String> environment(FakeDiscord discord) throws IOException {
        Map<String, Object> fixture = ServiceFixture.write(dir, """
                # Web release
                ## Checks
                - [ ] Smoke tests pass
                """, """
                service: web
                template: web.md
                channels: { discord: ["%s"] }
                roles:
                  qa-lead: { owners: { discord-users: ["%s"] } }
                permissions:
                  start: { discord-users: ["%s"] }
                  decide: { discord-users: ["%s"] }
                policy:
                  required-roles: [qa-lead]
                """.formatted(FakeDiscord.CHANNEL, QA, RM, RM));
        Map<String, String> database = TestPostgres.newDatabase();
        Map<String, String> settings = discord.botSettings();
        Map<String, String> env = new HashMap<>(ServiceProcess.environment(dir, fixture, "discord-replicas-token"));
        env.put("COUNTDOWN_DB_URL", database.get("datasources.default.url"));
        env.put("COUNTDOWN_DB_USER", "postgres");
        env.put("COUNTDOWN_DB_PASSWORD", "");
        env.put("DISCORD_TOKEN", settings.get("countdown.discord.token"));
        env.put("DISCORD_API_URL", settings.get("countdown.discord.api-url"));
        env.put("DISCORD_GATEWAY_URL", settings.get("countdown.discord.gateway-url"));
        env.put("COUNTDOWN_CHAT_CLAIM_LEASE", "3s");
        // the test's logback says warnings only; the login is said at INFO
        env.put("LOGGER_LEVELS_DEV_COUNTDOWN_DISCORD", "INFO");
        return env;
    }
}
