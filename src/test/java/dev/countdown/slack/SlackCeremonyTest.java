package dev.countdown.slack;

import com.fasterxml.jackson.databind.JsonNode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.support.FakeSlack;
import dev.countdown.support.SignedSlackRequests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A whole ceremony in a Slack thread: the real Bolt app, signed requests, a fake Slack Web API. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackCeremonyTest extends SlackTestBase {

    @Test
    void fromStartToGoInAThread() throws Exception {
        HttpResponse<String> started = command("start v1.0.0", RM);
        assertThat(started.statusCode()).isEqualTo(200);
        assertThat(answer(started)).contains("Release shop v1.0.0 started.");
        deliver();

        FakeSlack.Message root = slack.channel(CHANNEL).getFirst();
        assertThat(root.visibleText()).contains("Release shop v1.0.0", "open", "Items 1/5 passed", "approvals 0/2");
        String rootTs = root.ts();
        FakeSlack.Message canary = slack.find(rootTs, "Canary deployed to 5% of traffic");
        assertThat(canary.visibleText()).contains("*Canary*", "Gate: Canary Go/No-Go");
        assertThat(slack.find(rootTs, "*Approvals*").visibleText()).contains("*QA Lead* — 0 of 1", "*Backend Lead* — 0 of 2");
        assertThat(slack.find(rootTs, "100% of traffic").visibleText()).contains("unlocks after the gate");
        String releaseId = SlackIdsTestAccess.releaseIdIn(canary);

        click(SlackIds.item(releaseId, "canary.canary-deployed-to-5-of-traffic"), "pass", RM);
        click(SlackIds.item(releaseId, "canary.error-rate-below-1"), "pass", QA);
        deliver();
        assertThat(slack.find(rootTs, "Canary deployed").visibleText())
                .contains(":white_check_mark: Canary deployed to 5% of traffic", "passed by U0RM00001");
        assertThat(answer(command("decide", RM))).contains("Canary Go/No-Go: GO");
        deliver();
        assertThat(slack.find(rootTs, "Canary Go/No-Go: GO").broadcast()).as("a gate is mirrored in the channel").isTrue();
        assertThat(slack.calls("files.completeUploadExternal")).as("evidence comes with the release's decision").isEmpty();

        click(SlackIds.vote(releaseId, true, "qa-lead"), null, "U0STRANGER");
        FakeSlack.Call refusal = slack.await("chat.postEphemeral", Duration.ofSeconds(5));
        assertThat(refusal.param("user")).isEqualTo("U0STRANGER");
        assertThat(refusal.param("text")).contains("Only the owners of QA Lead can approve it")
                .contains("<@U0QA00001>").contains("<!subteam^S0QATEAM1>");

        click(SlackIds.vote(releaseId, true, "qa-lead"), null, "U0QA00002");
        click(SlackIds.vote(releaseId, true, "backend-lead"), null, "U0BE00001");
        click(SlackIds.item(releaseId, "full-rollout.100-of-traffic-on-the-new-version"), "pass", RM);
        click(SlackIds.item(releaseId, "full-rollout.smoke-tests-pass"), "fail", QA);
        FakeSlack.Call modal = slack.await("views.open", Duration.ofSeconds(5));
        assertThat(modal.param("view")).contains("Mark as failed").contains(releaseId + "|full-rollout.smoke-tests-pass|fail");
        JsonNode view = new com.fasterxml.jackson.databind.ObjectMapper().readTree(modal.param("view"));
        assertThat(view.path("type").asText()).isEqualTo("modal");
        assertThat(view.path("callback_id").asText()).isEqualTo(SlackIds.NOTE_CALLBACK);
        assertThat(view.at("/blocks/0/block_id").asText()).as("the block the submission is read from").isEqualTo("note");
        assertThat(view.at("/blocks/0/element/action_id").asText()).isEqualTo("text");
        assertThat(view.at("/blocks/0/element/type").asText()).isEqualTo("plain_text_input");
        assertThat(view.at("/submit/text").asText()).isEqualTo("Save");
        HttpResponse<String> submitted = requests().send(SignedSlackRequests.viewSubmission(SlackIds.NOTE_CALLBACK,
                releaseId + "|full-rollout.smoke-tests-pass|fail", "note", "text", "checkout answers 500", QA, "V1"));
        assertThat(submitted.statusCode()).isEqualTo(200);

        assertThat(answer(command("decide", RM))).contains("Release decision: NO-GO");
        deliver();
        FakeSlack.Message noGo = slack.find(rootTs, "Release shop v1.0.0: NO-GO");
        assertThat(noGo.broadcast()).as("the decision is mirrored in the channel").isTrue();
        assertThat(noGo.visibleText()).contains("failed: Smoke tests pass: checkout answers 500",
                "Backend Lead not approved (1 of 2)");
        assertThat(slack.find(rootTs, "Smoke tests pass").visibleText()).contains(":x: Smoke tests pass")
                .contains("Failure reason by U0QA00001 at ").contains(": checkout answers 500");
        assertThat(slack.channel(CHANNEL).getFirst().visibleText()).contains("NO-GO");

        assertThat(answer(command("reopen fixed in build 2", RM))).contains("reopened for round 2");
        click(SlackIds.item(releaseId, "full-rollout.smoke-tests-pass"), "pass", QA);
        click(SlackIds.vote(releaseId, true, "backend-lead"), null, "U0BE00002");
        assertThat(answer(command("decide", RM))).contains("Release decision: GO");
        deliver();
        assertThat(slack.find(rootTs, "Release shop v1.0.0: GO").broadcast()).isTrue();
        FakeSlack.Call completed = slack.calls("files.completeUploadExternal").getLast();
        assertThat(completed.param("thread_ts")).isEqualTo(rootTs);
        assertThat(completed.param("files")).contains("shop-v1.0.0-evidence.md", "shop-v1.0.0-evidence.json");
        assertThat(slack.uploads().values()).anyMatch(body -> body.contains("\"format\" : \"countdown-evidence/1\"")
                && body.contains("\"outcome\" : \"GO\"")).anyMatch(body -> body.contains("# Evidence: shop v1.0.0"));
        assertThat(slack.calls("files.completeUploadExternal")).as("one upload per final decision").hasSize(2);
        assertThat(slack.channel(CHANNEL).getFirst().visibleText()).contains(":large_green_circle: GO");
        assertThat(answer(command("status", RM))).contains("shop v1.0.0 is go: items 5/5 passed, 0 failed, approvals 2/2.");
    }

    @Test
    void helpForAnUnknownSubcommandOrAMissingVersion() {
        assertThat(answer(command("frobnicate", RM))).contains("I don't know 'frobnicate'").contains("/release start");
        assertThat(answer(command("start", RM))).contains("Which version?");
        assertThat(answer(command("", RM))).contains("/release decide");
        assertThat(answer(requests().send(SignedSlackRequests.slashCommand("/rollback", "", RM, CHANNEL, trigger()))))
                .isEqualTo("No release of shop went GO here to roll back.");
    }
}
