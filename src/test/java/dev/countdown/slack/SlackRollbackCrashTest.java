package dev.countdown.slack;

import static dev.countdown.support.RollbackFixture.CHANNEL;
import static dev.countdown.support.RollbackFixture.IC;
import static dev.countdown.support.RollbackFixture.RM;
import static dev.countdown.support.RollbackFixture.SRE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.support.FakeSlack;
import dev.countdown.support.RollbackFixture;
import dev.countdown.support.ServiceProcess;
import dev.countdown.support.SignedSlackRequests;
import dev.countdown.support.WebhookTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rollback action across a restart and a kill, with the service in its own process and the
 * webhook's secret and token in its environment: approved before a restart, it runs once after;
 * killed while the deploy system is still answering, it is shown "unknown" and not called again
 * until a person asks, and then with the same Idempotency-Key.
 */
class SlackRollbackCrashTest {

    private static final String SECRET = "whsec-crash-0123456789";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void anApprovalBeforeARestartRunsTheActionOnceAfterIt() throws Exception {
        try (FakeSlack slack = new FakeSlack().start(); WebhookTarget target = new WebhookTarget(SECRET)) {
            Map<String, String> env = environment(slack, target);
            Map<String, String> held = new HashMap<>(env);
            held.put("COUNTDOWN_SCHEDULER_ENABLED", "false");
            String rollbackId;
            try (ServiceProcess first = ServiceProcess.start(dir, held)) {
                rollbackId = approvedRollback(first, slack);
            }
            assertThat(target.calls()).as("nothing ran before the restart").isEmpty();

            try (ServiceProcess second = ServiceProcess.start(dir, env)) {
                await(() -> approvals(slack, rollbackId).contains("succeeded"));
                await(() -> root(slack, rollbackId).contains("rolled back"));
                Thread.sleep(2_000);
                assertThat(target.calls()).as("once, signed").hasSize(1).allMatch(WebhookTarget.Received::signed);
            }
        }
    }

    @Test
    void aKillDuringTheActionLeavesItUnknownUntilAPersonRetries() throws Exception {
        try (FakeSlack slack = new FakeSlack().start(); WebhookTarget target = new WebhookTarget(SECRET)) {
            Map<String, String> env = environment(slack, target);
            target.holdAnswers();
            String rollbackId;
            try (ServiceProcess first = ServiceProcess.start(dir, env)) {
                rollbackId = approvedRollback(first, slack);
                target.awaitFirstCall(WAIT);
            }
            target.release();
            try (ServiceProcess second = ServiceProcess.start(dir, env)) {
                await(() -> approvals(slack, rollbackId).contains("unknown"));
                assertThat(approvals(slack, rollbackId)).contains("may or may not have run", "Run action again",
                        "Confirm rolled back");
                Thread.sleep(3_000);
                assertThat(target.calls()).as("never called again by itself").hasSize(1);

                click(second, SlackIds.action(rollbackId, true), IC);
                await(() -> target.calls().size() == 2);
                assertThat(target.calls().get(1).header("Idempotency-Key"))
                        .as("a retry of an unknown run is the same rollback to the deploy system")
                        .isEqualTo(target.calls().get(0).header("Idempotency-Key"));
                await(() -> root(slack, rollbackId).contains("rolled back"));
            }
        }
    }

    /** A release that went GO, a rollback started by the SRE and approved by the commander (twice, and a retry). */
    private static String approvedRollback(ServiceProcess service, FakeSlack slack) throws InterruptedException {
        assertThat(command(service, "/release", "start v2.0.0", RM)).contains("started");
        await(() -> !slack.channel(CHANNEL).isEmpty() && slack.thread(slack.channel(CHANNEL).getFirst().ts()).stream()
                .anyMatch(m -> m.visibleText().contains("Smoke tests")));
        String releaseId = SlackIdsTestAccess.releaseIdIn(slack.find(slack.channel(CHANNEL).getFirst().ts(), "Smoke tests"));
        new SignedSlackRequests(service.uri(), SlackTestBase.SECRET).send(SignedSlackRequests.blockAction(
                SlackIds.item(releaseId, "checks.smoke-tests-pass"), "pass", RM, CHANNEL, "crash-item-" + System.nanoTime()));
        click(service, SlackIds.vote(releaseId, true, "release-manager"), RM);
        assertThat(command(service, "/release", "decide", RM)).contains("Release decision: GO");
        assertThat(command(service, "/rollback", "", SRE)).contains("Rollback of checkout v2.0.0 started");
        await(() -> slack.channel(CHANNEL).stream().anyMatch(m -> m.visibleText().contains("Rollback of")));
        FakeSlack.Message root = slack.channel(CHANNEL).stream().filter(m -> m.visibleText().contains("Rollback of"))
                .findFirst().orElseThrow();
        await(() -> slack.thread(root.ts()).stream().anyMatch(m -> m.visibleText().contains("Incident Commander")));
        String rollbackId = SlackIdsTestAccess.releaseIdIn(slack.find(root.ts(), "Incident Commander"));
        String approve = SignedSlackRequests.blockAction(SlackIds.vote(rollbackId, true, "incident-commander"), null, IC,
                CHANNEL, "crash-approve-" + System.nanoTime());
        SignedSlackRequests requests = new SignedSlackRequests(service.uri(), SlackTestBase.SECRET);
        requests.send(approve);
        long now = System.currentTimeMillis() / 1000;
        requests.send(approve, now, SignedSlackRequests.signature(SlackTestBase.SECRET, now, approve), "1");
        click(service, SlackIds.vote(rollbackId, true, "incident-commander"), IC);
        return rollbackId;
    }

    /** The rollback's approvals message, with its action's run (one rollback per test). */
    private static String approvals(FakeSlack slack, String rollbackId) {
        return slack.channel(CHANNEL).stream().filter(m -> m.visibleText().contains("Rollback of")).findFirst()
                .flatMap(root -> slack.thread(root.ts()).stream().filter(m -> m.visibleText().contains("*Approvals*"))
                        .findFirst()).map(FakeSlack.Message::visibleText).orElse("");
    }

    private static String root(FakeSlack slack, String rollbackId) {
        return slack.channel(CHANNEL).stream().filter(m -> m.visibleText().contains("Rollback of"))
                .map(FakeSlack.Message::visibleText).findFirst().orElse("");
    }

    private static String command(ServiceProcess service, String command, String text, String user) {
        return SlackTestBase.answer(new SignedSlackRequests(service.uri(), SlackTestBase.SECRET).send(
                SignedSlackRequests.slashCommand(command, text, user, CHANNEL, "crash-" + System.nanoTime())));
    }

    private static void click(ServiceProcess service, String actionId, String user) {
        new SignedSlackRequests(service.uri(), SlackTestBase.SECRET).send(SignedSlackRequests.blockAction(actionId, null,
                user, CHANNEL, "crash-click-" + System.nanoTime()));
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

    private Map<String, String> environment(FakeSlack slack, WebhookTarget target) throws Exception {
        Map<String, Object> fixture = new HashMap<>(RollbackFixture.write(dir, RollbackFixture.manifest(
                target.url("/health"), RollbackFixture.webhook(target.url("/deploy/rollback"), "${DEPLOY_WEBHOOK_SECRET}",
                        "${DEPLOY_TOKEN}"))));
        Map<String, String> env = new HashMap<>(ServiceProcess.environment(dir, fixture, "crash-test-token"));
        env.put("SLACK_BOT_TOKEN", "xoxb-test-token");
        env.put("SLACK_SIGNING_SECRET", SlackTestBase.SECRET);
        env.put("SLACK_API_URL", slack.apiUrl());
        env.put("DEPLOY_WEBHOOK_SECRET", SECRET);
        env.put("DEPLOY_TOKEN", "deploy-token-crash-4711");
        env.put("COUNTDOWN_SCHEDULER_POLL", "200ms");
        env.put("COUNTDOWN_SCHEDULER_HEARTBEAT", "1s");
        return env;
    }
}
