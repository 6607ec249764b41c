package dev.countdown.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.support.FakeSlack;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The outbox against Slack's limits: bursts coalesce, 429 and 5xx delay but lose nothing. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackDeliveryTest extends SlackTestBase {

    @Test
    void twentyClicksWithinASecondMakeAtMostTwoEditsOfTheirMessage() {
        String rootTs = startAndDeliver("v1.0.0");
        FakeSlack.Message canary = slack.find(rootTs, "Canary deployed");
        String id = SlackIdsTestAccess.releaseIdIn(canary);
        int editsBefore = edits(canary.ts());
        for (int k = 0; k < 20; k++) {
            click(SlackIds.item(id, "canary.error-rate-below-1"), k % 2 == 0 ? "pass" : "blocked", RM);
            clock.advance(Duration.ofMillis(40));
            dispatcher.drain();
        }
        assertThat(edits(canary.ts()) - editsBefore).isLessThanOrEqualTo(2);
        deliver();
        assertThat(slack.find(rootTs, "Error rate below 1%").visibleText()).as("the last click shows")
                .contains(":no_entry: Error rate below 1%");
    }

    @Test
    void aStormOf429sDelaysButLosesNothing() {
        slack.fail(429, 6);
        assertThat(answer(command("start v2.0.0", RM))).contains("started");
        for (int k = 0; k < 10; k++) {
            deliver();
        }
        FakeSlack.Message root = slack.channel(CHANNEL).stream().filter(m -> m.visibleText().contains("v2.0.0"))
                .findFirst().orElseThrow();
        assertThat(slack.thread(root.ts())).extracting(FakeSlack.Message::visibleText)
                .anyMatch(t -> t.contains("Canary deployed")).anyMatch(t -> t.contains("*Approvals*"));
        assertThat(slack.channel(CHANNEL).stream().filter(m -> m.visibleText().contains("v2.0.0"))).as("posted once")
                .hasSize(1);
    }

    @Test
    void serverErrorsAreRetriedWithBackoff() {
        slack.fail(500, 2);
        assertThat(answer(command("start v3.0.0", RM))).contains("started");
        deliver();
        assertThat(slack.channel(CHANNEL).stream().filter(m -> m.visibleText().contains("v3.0.0"))).isEmpty();
        for (int k = 0; k < 6; k++) {
            clock.advance(Duration.ofSeconds(2));
            dispatcher.drain();
        }
        assertThat(slack.channel(CHANNEL).stream().filter(m -> m.visibleText().contains("v3.0.0"))).hasSize(1);
    }

    private String startAndDeliver(String version) {
        assertThat(answer(command("start " + version, RM))).contains("started");
        deliver();
        return slack.channel(CHANNEL).stream().filter(m -> m.visibleText().contains(version)).findFirst().orElseThrow().ts();
    }

    private int edits(String ts) {
        return (int) slack.calls("chat.update").stream().filter(c -> ts.equals(c.param("ts"))).count();
    }
}
