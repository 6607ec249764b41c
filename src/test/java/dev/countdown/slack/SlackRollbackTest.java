package dev.countdown.slack;

import static dev.countdown.support.RollbackFixture.IC;
import static dev.countdown.support.RollbackFixture.RM;
import static dev.countdown.support.RollbackFixture.SRE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countdown.Countdown;
import dev.countdown.json.Json;
import dev.countdown.support.FakeSlack;
import dev.countdown.support.RollbackFixture;
import dev.countdown.support.SignedSlackRequests;
import dev.countdown.support.WebhookTarget;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A rollback in Slack, from {@code /rollback} to "rolled back": the real Bolt app, signed requests,
 * the fake Slack, and a deploy system on loopback that verifies the webhook's signature.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackRollbackTest extends SlackTestBase {

    private static final String WEBHOOK_SECRET = "whsec-test-0123456789abcdef";
    private static final String TOKEN = "deploy-token-4711-abcdef";

    private final WebhookTarget target = start();
    private final Path dir = tempDir();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        try {
            properties.putAll(RollbackFixture.write(dir, RollbackFixture.manifest(target.url("/health"),
                    RollbackFixture.webhook(target.url("/deploy/rollback"), WEBHOOK_SECRET, TOKEN))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.put("countdown.scheduler.poll", "100ms");
        properties.putAll(database());
        return properties;
    }

    /** The database instead of the base's H2: PostgreSQL in {@link PostgresSlackRollbackTest}. */
    Map<String, String> database() {
        return Map.of();
    }

    @AfterAll
    void stopTarget() {
        target.close();
    }

    @Test
    void aRollbackRunsItsActionOnceAndEndsTheReleaseRolledBack() throws Exception {
        String releaseId = goRelease();
        String releaseRoot = slack.channel(CHANNEL).getFirst().ts();

        String refused = answer(rollback("", "U0STRANGER", trigger()));
        assertThat(refused).startsWith("You may not start a rollback of checkout.")
                .contains("<@" + SRE + ">", "Incident Commander owners (<@" + IC + ">)");

        assertThat(answer(rollback("", SRE, trigger()))).startsWith("Rollback of checkout v2.0.0 started");
        deliver();
        FakeSlack.Message root = slack.channel(CHANNEL).stream().filter(m -> m.visibleText().contains("Rollback of"))
                .findFirst().orElseThrow();
        assertThat(root.visibleText()).contains("Rollback of checkout v2.0.0", "Undoes release " + releaseId,
                "action: webhook after approval");
        String rollbackId = SlackIdsTestAccess.releaseIdIn(slack.find(root.ts(), "Incident Commander"));
        assertThat(slack.channel(CHANNEL).getFirst().visibleText()).contains("rolling back",
                "Rollback " + rollbackId + " undoes this release");
        assertThat(slack.find(root.ts(), "Trigger criteria (manifest)").visibleText())
                .contains("5xx rate above 1% for 10 minutes");
        assertThat(slack.find(root.ts(), "Freeze deploys").visibleText()).startsWith("*Rollback steps*");
        assertThat(slack.find(root.ts(), "Rollback steps (manifest)").visibleText())
                .contains("Route all traffic to the previous version");
        assertThat(slack.find(root.ts(), "Post-rollback actions").visibleText()).contains("Status page updated")
                .contains("unlocks");
        assertThat(slack.find(root.ts(), "*Approvals*").visibleText()).contains("Incident Commander")
                .doesNotContain("Release Manager");
        assertThat(answer(rollback("", SRE, trigger()))).as("one rollback per release at a time")
                .contains("already undoes checkout v2.0.0");

        click(SlackIds.vote(rollbackId, true, "incident-commander"), null, SRE);
        assertThat(slack.await("chat.postEphemeral", Duration.ofSeconds(5)).param("text"))
                .contains("Only the owners of Incident Commander can approve it");

        String approval = SignedSlackRequests.blockAction(SlackIds.vote(rollbackId, true, "incident-commander"), null,
                IC, CHANNEL, "trigger-approve");
        long now = System.currentTimeMillis() / 1000;
        assertThat(requests().send(approval).statusCode()).isEqualTo(200);
        // Slack's retry of the same click, then a second click of the same button
        requests().send(approval, now, SignedSlackRequests.signature(SlackTestBase.SECRET, now, approval), "1");
        click(SlackIds.vote(rollbackId, true, "incident-commander"), null, IC);

        // the scheduler runs on the service's clock: the test moves it while it waits
        await("the rollback is done", () -> rootOf(rollbackId).contains("rolled back"));
        assertThat(target.calls()).as("the action ran exactly once").hasSize(1);
        WebhookTarget.Received call = target.calls().getFirst();
        assertThat(call.signed()).as("the signature verifies with the shared secret").isTrue();
        assertThat(call.header("Idempotency-Key")).isEqualTo("countdown-" + rollbackId + "-1");
        assertThat(call.body()).isEqualTo("{\"service\":\"checkout\",\"rollback_from\":\"v2.0.0\"}");
        assertThat(call.header("Authorization")).isEqualTo("Bearer " + TOKEN);

        deliver();
        assertThat(slack.find(root.ts(), "Rollback action").visibleText()).contains("succeeded", "HTTP 202");
        assertThat(slack.find(root.ts(), "*Probes*").visibleText()).contains("health");
        assertThat(slack.channel(CHANNEL).stream().filter(m -> m.ts().equals(releaseRoot)).findFirst().orElseThrow()
                .visibleText()).contains("rolled back");
        FakeSlack.Message post = slack.find(root.ts(), "Status page updated");
        assertThat(post.visibleText()).as("the post-rollback items are open").contains("Pass").doesNotContain("unlocks");
        String postItem = post.blocks().findValues("action_id").stream().map(JsonNode::asText)
                .filter(id -> id.contains("status-page")).findFirst().orElseThrow();
        click(postItem, "pass", IC);
        deliver();
        assertThat(slack.find(root.ts(), "Status page updated").visibleText()).contains(":white_check_mark: Status page");

        click(SlackIds.action(rollbackId, true), null, IC);
        // the answer to the double click above may still be on its way: wait for this click's own
        await("the retry is answered", () -> slack.calls("chat.postEphemeral").stream()
                .anyMatch(c -> c.param("text").contains("The rollback's action is succeeded")));
        assertThat(target.calls()).hasSize(1);

        JsonNode bundle = evidenceIn(root.ts());
        assertThat(types(bundle.path("audit").path("events"))).containsSubsequence("rollback.started", "role.approved",
                "rollback.approved", "action.requested", "action.running", "action.succeeded", "probe.pass",
                "rollback.verified", "rollback.done");
        JsonNode linked = bundle.path("audit").path("linked").get(0);
        assertThat(linked.path("releaseId").asText()).isEqualTo(releaseId);
        assertThat(types(linked.path("events"))).containsSubsequence("release.started", "decision.go", "rollback.started",
                "release.rolled-back");
        String text = bundle.toString();
        assertThat(text).contains("HTTP 202").doesNotContain(TOKEN).doesNotContain(WEBHOOK_SECRET);
        Path file = Files.writeString(dir.resolve("evidence.json"), Json.PRETTY.writeValueAsString(bundle));
        assertThat(verify(file)).startsWith("0:");
    }

    private String goRelease() {
        assertThat(answer(command("start v2.0.0", RM))).contains("Release checkout v2.0.0 started.");
        deliver();
        String id = SlackIdsTestAccess.releaseIdIn(slack.find(slack.channel(CHANNEL).getFirst().ts(), "Smoke tests"));
        click(SlackIds.item(id, "checks.smoke-tests-pass"), "pass", RM);
        click(SlackIds.vote(id, true, "release-manager"), null, RM);
        assertThat(answer(command("decide", RM))).contains("Release decision: GO");
        deliver();
        return id;
    }

    private HttpResponse<String> rollback(String text, String user, String trigger) {
        return requests().send(SignedSlackRequests.slashCommand("/rollback", text, user, CHANNEL, trigger));
    }

    private String rootOf(String releaseId) {
        deliver();
        return slack.channel(CHANNEL).stream().filter(m -> m.visibleText().contains(releaseId)).map(m -> m.visibleText())
                .findFirst().orElse("");
    }

    private JsonNode evidenceIn(String rootTs) throws IOException {
        FakeSlack.Call upload = slack.calls("files.completeUploadExternal").stream()
                .filter(c -> rootTs.equals(c.param("thread_ts"))).reduce((a, b) -> b).orElseThrow();
        String fileId = Json.MAPPER.readTree(upload.param("files")).findValues("id").stream().map(JsonNode::asText)
                .filter(id -> slack.uploads().getOrDefault(id, "").startsWith("{")).findFirst().orElseThrow();
        return Json.MAPPER.readTree(slack.uploads().get(fileId));
    }

    private static List<String> types(JsonNode events) {
        List<String> types = new java.util.ArrayList<>();
        events.forEach(e -> types.add(e.path("type").asText()));
        return types;
    }

    static String verify(Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Countdown.tools().run(new String[] {"evidence", "verify", file.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        return code + ":" + out.toString(StandardCharsets.UTF_8);
    }

    /** Background work (the scheduler's runner) is awaited by its effect, within a bound. */
    static void await(String what, Supplier<Boolean> condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(100);
        }
    }

    private static WebhookTarget start() {
        try {
            return new WebhookTarget(WEBHOOK_SECRET);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("rollback-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
