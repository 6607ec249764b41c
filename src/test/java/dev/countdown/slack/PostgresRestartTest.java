package dev.countdown.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.support.ApiClient;
import dev.countdown.support.FakeSlack;
import dev.countdown.support.ServiceFixture;
import dev.countdown.support.ServiceProcess;
import dev.countdown.support.SignedSlackRequests;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL stopped under a running service and started again: while it is away a click fails
 * within Slack's 3 s (never a 2xx that claims it worked) and /health says 503, with the pool's
 * wait for a connection bounded as docs/operations.md recommends; once it is
 * back the service recovers by itself, with no restart: the next click works and the outbox
 * drains. The database is one of its own, on a fixed port and data directory, so it can come back
 * where the service's pool looks for it.
 */
class PostgresRestartTest {

    private static final String CHANNEL = "C0WEB0001";
    private static final String RM = "U0RM00001";
    private static final String TOKEN = "restart-test-token";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void aRestartedDatabaseIsRecoveredFromWithoutHelp() throws Exception {
        int port = freePort();
        Path data = dir.resolve("pgdata");
        EmbeddedPostgres pg = postgres(port, data);
        try (FakeSlack slack = new FakeSlack().start()) {
            Map<String, String> env = environment(slack, pg.getJdbcUrl("postgres", "postgres"));
            try (ServiceProcess service = ServiceProcess.start(dir, env)) {
                SignedSlackRequests requests = new SignedSlackRequests(service.uri(), SlackTestBase.SECRET);
                assertThat(SlackTestBase.answer(requests.send(SignedSlackRequests.slashCommand("/release",
                        "start v1.0.0", RM, CHANNEL, "restart-start")))).contains("started");
                await(() -> !slack.channel(CHANNEL).isEmpty() && slack.thread(slack.channel(CHANNEL).getFirst().ts())
                        .stream().anyMatch(m -> m.visibleText().contains("Smoke tests")));
                String rootTs = slack.channel(CHANNEL).getFirst().ts();
                String releaseId = SlackIdsTestAccess.releaseIdIn(slack.find(rootTs, "Smoke tests"));

                pg.close();
                Instant sent = Instant.now();
                HttpResponse<String> during = requests.send(SignedSlackRequests.blockAction(
                        SlackIds.item(releaseId, "checks.smoke-tests-pass"), "pass", RM, CHANNEL, "restart-away"));
                Duration took = Duration.between(sent, Instant.now());
                System.out.printf("PostgreSQL away: click answered %d after %d ms: %s%n", during.statusCode(),
                        took.toMillis(), during.body());
                assertThat(during.statusCode()).as("a failure, not a success").isGreaterThanOrEqualTo(500);
                assertThat(took).as("within Slack's 3 s, with the pool's wait bounded").isLessThan(Duration.ofSeconds(3));
                assertThat(during.body()).doesNotContain("Exception", "at dev.countdown");
                assertThat(health(service.uri())).isEqualTo(503);

                pg = postgres(port, data);
                Instant back = Instant.now();
                await(() -> health(service.uri()) == 200);
                System.out.printf("PostgreSQL back: /health UP after %d ms%n",
                        Duration.between(back, Instant.now()).toMillis());
                assertThat(new ApiClient(service.uri(), TOKEN).get("/api/releases/" + releaseId + "/timeline").body())
                        .as("the failed click changed nothing").doesNotContain("item.set");
                HttpResponse<String> after = requests.send(SignedSlackRequests.blockAction(
                        SlackIds.item(releaseId, "checks.smoke-tests-pass"), "pass", RM, CHANNEL, "restart-back"));
                assertThat(after.statusCode()).isEqualTo(200);
                await(() -> slack.find(rootTs, "Smoke tests").visibleText().contains("Smoke tests")
                        && new ApiClient(service.uri(), TOKEN).get("/api/releases/" + releaseId + "/timeline").body()
                        .contains("item.set"));
                await(() -> slack.calls("chat.update").stream().anyMatch(c -> c.at().isAfter(back)));
            }
        } finally {
            pg.close();
        }
    }

    private static EmbeddedPostgres postgres(int port, Path data) throws java.io.IOException {
        return EmbeddedPostgres.builder().setPort(port).setDataDirectory(data).setCleanDataDirectory(false).start();
    }

    private static int health(URI base) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/health"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant end = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(200);
        }
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Map<String, String> environment(FakeSlack slack, String url) throws Exception {
        Map<String, Object> fixture = ServiceFixture.write(dir, """
                # Web release
                ## Checks
                - [ ] Smoke tests pass
                """, """
                service: web
                template: web.md
                channels: { slack: [C0WEB0001] }
                roles:
                  qa-lead: { owners: { slack-users: [U0QA00001] } }
                permissions:
                  start: { slack-users: [U0RM00001] }
                  decide: { slack-users: [U0RM00001] }
                policy:
                  required-roles: [qa-lead]
                """);
        Map<String, String> env = new HashMap<>(ServiceProcess.environment(dir, fixture, TOKEN));
        env.put("COUNTDOWN_DB_URL", url);
        env.put("COUNTDOWN_DB_USER", "postgres");
        env.put("COUNTDOWN_DB_PASSWORD", "");
        // As docs/operations.md recommends: HikariCP's default waits 30 s for a connection, far past Slack's 3 s.
        env.put("DATASOURCES_DEFAULT_CONNECTION_TIMEOUT", "2000");
        env.put("SLACK_BOT_TOKEN", "xoxb-test-token");
        env.put("SLACK_SIGNING_SECRET", SlackTestBase.SECRET);
        env.put("SLACK_API_URL", slack.apiUrl());
        return env;
    }
}
