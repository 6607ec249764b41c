package dev.countdown.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A user group's members, once stale, are asked of Slack once however many clicks need them
 * meanwhile: usergroups.users.list is Tier 2, and a refresh per click was a storm of 429s.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackGroupsTest extends SlackTestBase {

    @Test
    void aStaleGroupIsRefreshedOnceWhileClicksKeepComing() throws Exception {
        assertThat(answer(command("start v1.0.0", RM))).contains("started");
        deliver();
        String rootTs = slack.channel(CHANNEL).getFirst().ts();
        String id = SlackIdsTestAccess.releaseIdIn(slack.find(rootTs, "Canary deployed"));
        awaitCalls(1);

        clock.advance(Duration.ofMinutes(2));
        slack.holdNext("usergroups.users.list");
        for (int k = 0; k < 10; k++) {
            assertThat(click(SlackIds.vote(id, true, "qa-lead"), null, "U0QA00002").statusCode())
                    .as("answered from the members known, while Slack is asked").isEqualTo(200);
        }
        slack.awaitHeld(Duration.ofSeconds(10));
        Thread.sleep(300);
        assertThat(qaTeamCalls()).as("one refresh for ten clicks on a stale group").isEqualTo(2);
        slack.releaseHeld();

        assertThat(new dev.countdown.support.ApiClient(server.getURI(), dev.countdown.support.CountdownTestProperties.TOKEN)
                .get("/api/releases/" + id).json().at("/approvals").toString())
                .as("the group's member approved with the members known").contains("U0QA00002");
    }

    private void awaitCalls(int count) throws InterruptedException {
        Instant end = Instant.now().plusSeconds(10);
        while (qaTeamCalls() < count && Instant.now().isBefore(end)) {
            Thread.sleep(20);
        }
        assertThat(qaTeamCalls()).isEqualTo(count);
    }

    private long qaTeamCalls() {
        return slack.calls("usergroups.users.list").stream().filter(c -> "S0QATEAM1".equals(c.param("usergroup")))
                .count();
    }
}
