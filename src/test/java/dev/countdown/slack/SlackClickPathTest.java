package dev.countdown.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.evidence.AuditEvent;
import dev.countdown.release.ReleaseService;
import dev.countdown.support.SignedSlackRequests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Clicks on Countdown's buttons are read without Bolt (SlackClickReader, docs/performance.md);
 * whatever else Slack signs still gets Bolt's answer, as before: a button from another app changes
 * nothing, a payload that is not JSON is a 400, and a click of Countdown's among them counts once.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackClickPathTest extends SlackTestBase {

    @Inject
    ReleaseService releases;

    @Test
    void countdownsClickCountsOnceAndOtherPayloadsGetBoltsAnswer() {
        assertThat(answer(command("start v7.0.0", RM))).isEqualTo("Release shop v7.0.0 started.");
        String id = releases.list(Optional.of("shop")).stream().filter(r -> r.release().version().equals("v7.0.0"))
                .findFirst().orElseThrow().release().id();

        String approve = SignedSlackRequests.blockAction(SlackIds.vote(id, true, "qa-lead"), null, QA, CHANNEL, "t-ours");
        assertThat(requests().send(approve).statusCode()).isEqualTo(200);
        assertThat(requests().send(approve).statusCode()).as("Slack's retry of it").isEqualTo(200);

        HttpResponse<String> foreign = requests().send(SignedSlackRequests.blockAction("other-app|approve", null, QA,
                CHANNEL, "t-foreign"));
        assertThat(foreign.statusCode()).as(foreign.body()).isNotEqualTo(200).isLessThan(500);

        HttpResponse<String> notJson = requests().send("payload=" + URLEncoder.encode("{\"type\":\"block_actions\",",
                StandardCharsets.UTF_8));
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("not a Slack request Countdown understands");

        assertThat(releases.events(id)).extracting(AuditEvent::type).containsExactly("release.started", "role.approved");
    }
}
