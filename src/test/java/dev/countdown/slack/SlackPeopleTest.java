package dev.countdown.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.support.ApiClient;
import dev.countdown.support.CountdownTestProperties;
import dev.countdown.support.FakeSlack;
import dev.countdown.support.SignedSlackRequests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * People as Slack shows them: display names on the dashboard and in the evidence, asked of Slack
 * after the acknowledgement; and a refusal answered to the one who clicked, in the thread they clicked in.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackPeopleTest extends SlackTestBase {

    private static final String CANARY = "canary.canary-deployed-to-5-of-traffic";
    private static final String STRANGER = "U0STRANGER";

    @Test
    void peopleAreShownByTheNamesSlackGivesThemAndNoAckWaitsForOne() throws Exception {
        slack.person(RM, "Rita Moreno");
        slack.person(QA, "Anna Lindqvist");
        slack.holdNext("users.info");
        assertThat(answer(command("start v1.0.0", RM))).as("answered while Slack still holds the name back")
                .contains("started");
        slack.awaitHeld(Duration.ofSeconds(10));
        String rootTs = rootOf("v1.0.0");
        String id = SlackIdsTestAccess.releaseIdIn(slack.find(rootTs, "Canary deployed"));
        click(SlackIds.item(id, CANARY), "pass", QA);
        slack.releaseHeld();

        ApiClient api = new ApiClient(server.getURI(), CountdownTestProperties.TOKEN);
        await(() -> api.get("/releases/" + id + "/live").body().contains("Anna Lindqvist"));
        String page = api.get("/releases/" + id + "/live").body();
        assertThat(page).contains("passed by Anna Lindqvist").contains("Rita Moreno").doesNotContain("by U0QA00001");

        String md = api.get("/api/releases/" + id + "/evidence.md").body();
        assertThat(md).as("the name, with the id beside it")
                .contains("Canary deployed to 5% of traffic — **pass**, passed by Anna Lindqvist (slack U0QA00001)")
                .contains("| Rita Moreno (slack U0RM00001) | release.started |");
        assertThat(api.get("/api/releases/" + id + "/evidence.json").json().path("people").findValuesAsText("name"))
                .contains("Rita Moreno", "Anna Lindqvist");

        click(SlackIds.item(id, CANARY), "n/a", QA);
        click(SlackIds.item(id, CANARY), "pass", RM);
        api.get("/releases/" + id + "/live");
        assertThat(slack.calls("users.info")).extracting(c -> c.param("user"))
                .as("each person asked once (the owners still awaited are named on the page too)")
                .contains(RM, QA).doesNotHaveDuplicates();
    }

    @Test
    void aRefusedClickIsAnsweredInTheThreadWhereItWasClicked() {
        assertThat(answer(command("start v2.0.0", RM))).contains("started");
        deliver();
        String rootTs = rootOf("v2.0.0");
        FakeSlack.Message approvals = slack.find(rootTs, "*Approvals*");
        String id = SlackIdsTestAccess.releaseIdIn(slack.find(rootTs, "Canary deployed"));
        String approve = SlackIds.vote(id, true, "qa-lead");
        assertThat(approvals.blocks().findValuesAsText("action_id")).as("a button of that message").contains(approve);
        int before = slack.calls("chat.postEphemeral").size();

        requests().send(SignedSlackRequests.blockAction(approve, null, STRANGER, CHANNEL, trigger(), approvals.ts(),
                rootTs));

        await(() -> slack.calls("chat.postEphemeral").size() > before);
        FakeSlack.Call refusal = slack.calls("chat.postEphemeral").getLast();
        assertThat(refusal.param("user")).isEqualTo(STRANGER);
        assertThat(refusal.param("channel")).isEqualTo(CHANNEL);
        assertThat(refusal.param("thread_ts")).as("in the thread, not the channel").isEqualTo(rootTs);
        assertThat(refusal.param("text")).contains("Only the owners of");
    }

    private String rootOf(String version) {
        deliver();
        List<FakeSlack.Message> roots = new ArrayList<>(slack.channel(CHANNEL));
        return roots.stream().filter(m -> m.visibleText().contains(version)).findFirst()
                .orElseThrow(() -> new AssertionError("no root for " + version + " in " + roots)).ts();
    }

    private static void await(BooleanSupplier condition) {
        Instant end = Instant.now().plusSeconds(15);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("not within 15 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
