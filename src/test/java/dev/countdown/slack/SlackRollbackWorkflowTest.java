package dev.countdown.slack;

import static dev.countdown.support.RollbackFixture.IC;
import static dev.countdown.support.RollbackFixture.RM;
import static dev.countdown.support.RollbackFixture.SRE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.support.FakeGithub;
import dev.countdown.support.FakeSlack;
import dev.countdown.support.RollbackFixture;
import dev.countdown.support.SignedSlackRequests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A rollback whose action is a GitHub Actions workflow_dispatch, against a fake GitHub API: one
 * dispatch for a double-clicked approval; a dispatch whose answer was lost is unknown, and its
 * retry finds the run by its id instead of dispatching again.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackRollbackWorkflowTest extends SlackTestBase {

    private static final String TOKEN = "ghp-test-token-0123456789";

    private final FakeGithub github = start();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        String action = """
                  action:
                    type: github-actions
                    url: "%s"
                    repository: acme/checkout
                    workflow: rollback.yml
                    ref: main
                    token: "%s"
                    inputs: { service: "{service}", version: "{version}" }
                """.formatted(github.url(), TOKEN);
        try {
            properties.putAll(RollbackFixture.write(Files.createTempDirectory("rollback-gh"),
                    RollbackFixture.manifest("http://127.0.0.1:9/health", action)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.put("countdown.scheduler.poll", "100ms");
        return properties;
    }

    @AfterAll
    void stopGithub() {
        github.close();
    }

    @Test
    void aLostAnswerIsUnknownAndItsRetryFindsTheRunInsteadOfDispatchingAgain() throws Exception {
        assertThat(answer(command("start v3.1.0", RM))).contains("started");
        deliver();
        String releaseId = SlackIdsTestAccess.releaseIdIn(slack.find(slack.channel(CHANNEL).getFirst().ts(), "Smoke tests"));
        click(SlackIds.item(releaseId, "checks.smoke-tests-pass"), "pass", RM);
        click(SlackIds.vote(releaseId, true, "release-manager"), null, RM);
        assertThat(answer(command("decide", RM))).contains("Release decision: GO");
        assertThat(answer(requests().send(SignedSlackRequests.slashCommand("/rollback", "checkout v3.1.0", SRE, CHANNEL,
                trigger())))).contains("Rollback of checkout v3.1.0 started");
        deliver();
        FakeSlack.Message root = slack.channel(CHANNEL).stream().filter(m -> m.visibleText().contains("Rollback of"))
                .findFirst().orElseThrow();
        String rollbackId = SlackIdsTestAccess.releaseIdIn(slack.find(root.ts(), "Incident Commander"));

        github.dropNextAnswer();
        click(SlackIds.vote(rollbackId, true, "incident-commander"), null, IC);
        click(SlackIds.vote(rollbackId, true, "incident-commander"), null, IC);
        SlackRollbackTest.await("the run is unknown", () -> approvalsOf(root.ts()).contains("unknown"));
        assertThat(github.dispatches()).hasSize(1);
        FakeGithub.Dispatch dispatch = github.dispatches().getFirst();
        assertThat(dispatch.authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(dispatch.body().path("ref").asText()).isEqualTo("main");
        assertThat(dispatch.body().path("inputs").path("service").asText()).isEqualTo("checkout");
        assertThat(dispatch.body().path("inputs").path("version").asText()).isEqualTo("v3.1.0");
        assertThat(dispatch.body().path("inputs").path("countdown_run_id").asText())
                .isEqualTo("countdown-" + rollbackId + "-1");

        click(SlackIds.action(rollbackId, true), null, IC);
        SlackRollbackTest.await("the rollback is done", () -> approvalsOf(root.ts()).contains("succeeded"));
        assertThat(github.dispatches()).as("the run was found, not dispatched again").hasSize(1);
        assertThat(approvalsOf(root.ts())).contains("already exists", "actions/runs/1000").doesNotContain(TOKEN);
    }

    private String approvalsOf(String rootTs) {
        deliver();
        return slack.thread(rootTs).stream().filter(m -> m.visibleText().contains("*Approvals*"))
                .map(FakeSlack.Message::visibleText).findFirst().orElse("");
    }

    private static FakeGithub start() {
        try {
            return new FakeGithub();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
