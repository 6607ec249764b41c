package dev.countdown.slack;

import static dev.countdown.support.RollbackFixture.CHANNEL;
import static dev.countdown.support.RollbackFixture.IC;
import static dev.countdown.support.RollbackFixture.RM;
import static dev.countdown.support.RollbackFixture.SRE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countdown.support.ApiClient;
import dev.countdown.support.FakeSlack;
import dev.countdown.support.RollbackFixture;
import dev.countdown.support.ServiceProcess;
import dev.countdown.support.SignedSlackRequests;
import dev.countdown.support.TestPostgres;
import dev.countdown.support.WebhookTarget;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas, two service processes, on one PostgreSQL behind one Slack app: a ceremony and its
 * rollback driven through both in turn, and the replica delivering a post killed (kill -9) after
 * Slack made it and before the replica recorded it, while the outbox holds more rows. The other
 * replica takes the row over when the claim's lease runs out; the killed one is started again, as
 * an orchestrator would. In the end every message is in Slack once, every acknowledged click is in
 * the audit trail, the outbox is empty, and the rollback action was called once.
 */
class TwoReplicasTest {

    private static final String SECRET = "whsec-replicas-0123456789";
    private static final String TOKEN = "replicas-test-token";
    private static final Duration WAIT = Duration.ofSeconds(45);

    @TempDir
    Path dir;

    @Test
    void aCeremonyThroughTwoReplicasSurvivesTheKillOfOne() throws Exception {
        Map<String, String> database = TestPostgres.newDatabase();
        try (FakeSlack slack = new FakeSlack().start(); WebhookTarget target = new WebhookTarget(SECRET)) {
            Map<String, String> env = environment(slack, target, database);
            ServiceProcess a = start("a", env);
            ServiceProcess b = start("b", env);
            List<ServiceProcess> running = new ArrayList<>(List.of(a, b));
            try {
                assertThat(command(a, "/release", "start v2.0.0", RM)).contains("started");
                await(() -> !slack.channel(CHANNEL).isEmpty()
                        && thread(slack, "Release").stream().anyMatch(m -> m.visibleText().contains("Smoke tests")));
                String rootTs = slack.channel(CHANNEL).getFirst().ts();
                String releaseId = SlackIdsTestAccess.releaseIdIn(slack.find(rootTs, "Smoke tests"));
                click(b, SlackIds.item(releaseId, "checks.smoke-tests-pass"), "pass", RM);
                click(a, SlackIds.vote(releaseId, true, "release-manager"), null, RM);
                assertThat(command(b, "/release", "decide", RM)).contains("Release decision: GO");

                // The next post (the rollback's root, or the release's own news of it) is made by whichever
                // replica claimed its row; that one dies before it hears Slack's answer.
                slack.holdNext("chat.postMessage");
                assertThat(command(a, "/rollback", "", SRE)).contains("Rollback of checkout v2.0.0 started");
                slack.awaitHeld(WAIT);
                String[] claim = claim(database);
                String holder = claim[1];
                ServiceProcess victim = running.stream().filter(p -> holder.contains("/" + p.pid() + "/"))
                        .findFirst().orElseThrow(() -> new AssertionError("no replica holds the row: " + holder));
                ServiceProcess survivor = victim == a ? b : a;
                assertThat(pendingRows(database)).as("rows wait in the outbox at the kill").isPositive();
                victim.kill();
                Instant killedAt = Instant.now();
                running.remove(victim);
                slack.releaseHeld();
                assertThat(slack.calls("chat.postMessage")).as("posted, never recorded").isNotEmpty();
                await(() -> !holderOf(database, claim[0]).equals(holder));
                Duration takeover = Duration.between(killedAt, Instant.now());
                assertThat(takeover).as("the row taken over once the lease ran out").isLessThan(Duration.ofSeconds(15));

                await(() -> !roots(slack, "Rollback of").isEmpty());
                String rollbackRoot = roots(slack, "Rollback of").getFirst().ts();
                await(() -> slack.thread(rollbackRoot).stream().anyMatch(m -> m.visibleText().contains("Incident Commander")));
                String rollbackId = SlackIdsTestAccess.releaseIdIn(slack.find(rollbackRoot, "Incident Commander"));

                ServiceProcess restarted = start("c", env);
                running.add(restarted);
                String approve = SignedSlackRequests.blockAction(SlackIds.vote(rollbackId, true, "incident-commander"),
                        null, IC, CHANNEL, "replicas-approve-" + System.nanoTime());
                assertThat(new SignedSlackRequests(restarted.uri(), SlackTestBase.SECRET).send(approve).statusCode())
                        .isEqualTo(200);
                // Slack's retry of the same click reaches the other replica
                long now = System.currentTimeMillis() / 1000;
                new SignedSlackRequests(survivor.uri(), SlackTestBase.SECRET).send(approve, now,
                        SignedSlackRequests.signature(SlackTestBase.SECRET, now, approve), "1");

                await(() -> slack.find(rollbackRoot, "*Approvals*").visibleText().contains("succeeded"));
                await(() -> roots(slack, "Rollback of").getFirst().visibleText().contains("rolled back"));
                await(() -> pendingRows(database) == 0);
                Thread.sleep(2_000);

                assertThat(target.calls()).as("the rollback action, once across replicas").hasSize(1)
                        .allMatch(WebhookTarget.Received::signed);
                assertThat(slack.channel(CHANNEL)).as("two roots: the release and its rollback").hasSize(2);
                List<String> keys = new ArrayList<>();
                for (FakeSlack.Message root : slack.channel(CHANNEL)) {
                    keys.add(key(root));
                    slack.thread(root.ts()).forEach(m -> keys.add(key(m)));
                }
                assertThat(keys).as("every message once").doesNotHaveDuplicates().hasSizeGreaterThan(6);
                assertThat(slack.thread(rollbackRoot).stream().map(TwoReplicasTest::key))
                        .contains(rollbackId + ":approvals");
                assertThat(slack.find(rootTs, "*Approvals*").visibleText()).contains("Release Manager", "approved by");

                ApiClient api = new ApiClient(survivor.uri(), TOKEN);
                assertThat(types(api, releaseId)).as("every acknowledged click of the release")
                        .contains("release.started", "item.set", "role.approved", "decision.go");
                List<String> rollbackEvents = types(api, rollbackId);
                assertThat(rollbackEvents.stream().filter("role.approved"::equals)).as("the approval, once").hasSize(1);
                assertThat(rollbackEvents.stream().filter("rollback.approved"::equals)).as("approved once").hasSize(1);
                System.out.printf("two replicas: takeover of the killed replica's row in %d ms%n", takeover.toMillis());
            } finally {
                for (ServiceProcess p : running) {
                    p.close();
                }
            }
        }
    }

    private ServiceProcess start(String name, Map<String, String> env) throws Exception {
        return ServiceProcess.start(java.nio.file.Files.createDirectories(dir.resolve(name)), env);
    }

    private static List<String> types(ApiClient api, String releaseId) {
        List<String> types = new ArrayList<>();
        api.get("/api/releases/" + releaseId + "/timeline").json().forEach(e -> types.add(e.path("type").asText()));
        return types;
    }

    /** The outbox row being delivered, and the replica holding it by the claim it wrote. */
    private static String[] claim(Map<String, String> database) throws SQLException {
        try (Connection c = connect(database); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT id, claimed_by FROM chat_outbox WHERE claimed_by IS NOT NULL")) {
            return r.next() ? new String[] {r.getString(1), r.getString(2)} : new String[] {"", ""};
        }
    }

    /** Who holds the row now; empty once it is delivered, or let go. */
    private static String holderOf(Map<String, String> database, String id) {
        try (Connection c = connect(database);
             var s = c.prepareStatement("SELECT claimed_by FROM chat_outbox WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getString(1) != null ? r.getString(1) : "";
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int pendingRows(Map<String, String> database) {
        try (Connection c = connect(database); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM chat_outbox")) {
            r.next();
            return r.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect(Map<String, String> database) throws SQLException {
        return DriverManager.getConnection(database.get("datasources.default.url"), "postgres", "");
    }

    private static List<FakeSlack.Message> roots(FakeSlack slack, String text) {
        return slack.channel(CHANNEL).stream().filter(m -> m.visibleText().contains(text)).toList();
    }

    private static List<FakeSlack.Message> thread(FakeSlack slack, String rootText) {
        return slack.channel(CHANNEL).stream().findFirst().map(root -> slack.thread(root.ts())).orElse(List.of());
    }

    /** What a message carries: its key in metadata, or an evidence file's title. */
    private static String key(FakeSlack.Message m) {
        if (m.metadata() != null) {
            JsonNode payload = m.metadata().path("event_payload");
            return payload.path("release").asText() + ":" + payload.path("key").asText();
        }
        JsonNode files = m.files();
        return files == null ? "?" + m.ts() : "files:" + files.path(0).path("title").asText();
    }

    private static String command(ServiceProcess service, String command, String text, String user) {
        return SlackTestBase.answer(new SignedSlackRequests(service.uri(), SlackTestBase.SECRET).send(
                SignedSlackRequests.slashCommand(command, text, user, CHANNEL, "replicas-" + System.nanoTime())));
    }

    private static void click(ServiceProcess service, String actionId, String selected, String user) {
        assertThat(new SignedSlackRequests(service.uri(), SlackTestBase.SECRET).send(SignedSlackRequests.blockAction(
                actionId, selected, user, CHANNEL, "replicas-click-" + System.nanoTime())).statusCode()).isEqualTo(200);
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

    private Map<String, String> environment(FakeSlack slack, WebhookTarget target, Map<String, String> database)
            throws Exception {
        Map<String, Object> fixture = new HashMap<>(RollbackFixture.write(dir, RollbackFixture.manifest(
                target.url("/health"), RollbackFixture.webhook(target.url("/deploy/rollback"), "${DEPLOY_WEBHOOK_SECRET}",
                        "${DEPLOY_TOKEN}"))));
        Map<String, String> env = new HashMap<>(ServiceProcess.environment(dir, fixture, TOKEN));
        env.put("COUNTDOWN_DB_URL", database.get("datasources.default.url"));
        env.put("COUNTDOWN_DB_USER", "postgres");
        env.put("COUNTDOWN_DB_PASSWORD", "");
        env.put("SLACK_BOT_TOKEN", "xoxb-test-token");
        env.put("SLACK_SIGNING_SECRET", SlackTestBase.SECRET);
        env.put("SLACK_API_URL", slack.apiUrl());
        env.put("DEPLOY_WEBHOOK_SECRET", SECRET);
        env.put("DEPLOY_TOKEN", "deploy-token-replicas-4711");
        env.put("COUNTDOWN_SCHEDULER_POLL", "200ms");
        env.put("COUNTDOWN_SCHEDULER_HEARTBEAT", "1s");
        env.put("COUNTDOWN_CHAT_CLAIM_LEASE", "3s");
        return env;
    }
}
