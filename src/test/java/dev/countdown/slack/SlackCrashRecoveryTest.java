package dev.countdown.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countdown.support.FakeSlack;
import dev.countdown.support.ServiceFixture;
import dev.countdown.support.ServiceProcess;
import dev.countdown.support.SignedSlackRequests;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Killed after Slack posted a message and before the service recorded it, the service finds the
 * message in the channel's history on restart instead of posting it again; likewise the evidence.
 * The service runs in its own process and is killed with SIGKILL while Slack holds back the answer
 * to the call it has already carried out.
 */
class SlackCrashRecoveryTest {

    private static final String CHANNEL = "C0WEB0001";
    private static final String RM = "U0RM00001";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void noMessageAndNoEvidenceIsPostedTwiceAcrossKills() throws Exception {
        try (FakeSlack slack = new FakeSlack().start()) {
            Map<String, String> env = environment(slack);

            slack.holdNext("chat.postMessage");
            ServiceProcess first = ServiceProcess.start(dir, env);
            assertThat(command(first, "start v1.0.0")).contains("started");
            slack.awaitHeld(WAIT);
            first.kill();
            assertThat(slack.channel(CHANNEL)).as("the root was posted, never recorded").hasSize(1);

            slack.holdNext("chat.postMessage");
            ServiceProcess second = ServiceProcess.start(dir, env);
            slack.awaitHeld(WAIT);
            second.kill();
            String rootTs = slack.channel(CHANNEL).getFirst().ts();
            assertThat(slack.thread(rootTs)).as("the first reply was posted, never recorded").hasSize(1);

            try (ServiceProcess third = ServiceProcess.start(dir, env)) {
                await(() -> slack.thread(rootTs).stream().anyMatch(m -> m.visibleText().contains("*Approvals*")));
                slack.holdNext("files.completeUploadExternal");
                assertThat(command(third, "decide")).contains("NO-GO");
                slack.awaitHeld(WAIT);
                third.kill();
            }
            try (ServiceProcess fourth = ServiceProcess.start(dir, env)) {
                await(() -> slack.thread(rootTs).stream().anyMatch(m -> m.visibleText().contains("NO-GO")));
                Thread.sleep(2_000);
                assertThat(slack.channel(CHANNEL)).as("one root").hasSize(1);
                List<String> keys = slack.thread(rootTs).stream().map(SlackCrashRecoveryTest::key).toList();
                assertThat(keys).as("each message once").doesNotHaveDuplicates()
                        .contains("section:checks:0", "approvals", "decision:1");
                assertThat(slack.calls("files.completeUploadExternal")).as("the evidence once").hasSize(1);
                assertThat(slack.thread(rootTs)).filteredOn(m -> m.files() != null).hasSize(1);
            }
        }
    }

    /** What the message carries: its key in metadata, or an evidence file's title. */
    private static String key(FakeSlack.Message m) {
        if (m.metadata() != null) {
            return m.metadata().path("event_payload").path("key").asText();
        }
        JsonNode files = m.files();
        return files == null ? "?" + m.ts() : "files:" + files.path(0).path("title").asText();
    }

    private static String command(ServiceProcess service, String text) {
        var ack = new SignedSlackRequests(service.uri(), SlackTestBase.SECRET).send(SignedSlackRequests.slashCommand(
                "/release", text, RM, CHANNEL, "crash-" + text.replace(' ', '-') + "-" + System.nanoTime()));
        return SlackTestBase.answer(ack);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant end = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("the thread never caught up");
            }
            Thread.sleep(100);
        }
    }

    private Map<String, String> environment(FakeSlack slack) throws Exception {
        Map<String, Object> fixture = ServiceFixture.write(dir, """
                # Web release
                ## Checks
                - [ ] Smoke tests pass
                - [ ] Dashboards quiet
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
        Map<String, String> environment = new java.util.HashMap<>(ServiceProcess.environment(dir, fixture, "crash-test-token"));
        environment.put("SLACK_BOT_TOKEN", "xoxb-test-token");
        environment.put("SLACK_SIGNING_SECRET", SlackTestBase.SECRET);
        environment.put("SLACK_API_URL", slack.apiUrl());
        return environment;
    }
}
