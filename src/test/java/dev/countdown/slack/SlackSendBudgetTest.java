package dev.countdown.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.support.FakeSlack;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Ten busy releases at once share Slack's workspace-wide chat.update budget (Tier 3, 50 a minute):
 * never more than 50 edits in any minute, and every message still ends at its final content. Their
 * threads, all in one channel, are posted at most 20 messages in any 20 seconds (Slack allows about
 * one a second in a channel, with short bursts).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackSendBudgetTest extends SlackTestBase {

    private static final int RELEASES = 10;
    private static final int ROUNDS = 6;

    @Override
    public Map<String, String> getProperties() {
        return SlackThreadSyncTest.longManifest(super.getProperties());
    }

    /** The edits (or posts) Slack received at each moment of the service's clock. */
    private record Spent(Instant at, int edits) {
    }

    private final List<Spent> posted = new ArrayList<>();
    private int postsBefore;

    @Test
    void tenBusyReleasesStayWithinFiftyEditsAMinuteAndAllEndCurrent() {
        List<String> roots = new ArrayList<>();
        List<List<String>> actions = new ArrayList<>();
        for (int r = 0; r < RELEASES; r++) {
            assertThat(answer(command("start v9." + r + ".0", RM))).contains("started");
            String version = "long v9." + r + ".0";
            for (int k = 0; k < 60 && !threadPosted(version); k++) {
                posts();
            }
            String rootTs = slack.channel(CHANNEL).stream().filter(m -> m.visibleText().contains(version))
                    .findFirst().orElseThrow().ts();
            roots.add(rootTs);
            actions.add(slack.thread(rootTs).stream().filter(m -> m.visibleText().contains("*Checks*"))
                    .flatMap(m -> m.blocks().findValues("action_id").stream()).map(n -> n.asText()).toList());
        }
        assertThat(posted.stream().mapToInt(Spent::edits).sum()).as("more posts were wanted than 20 s allow")
                .isGreaterThan(20);
        assertThat(Duration.between(posted.getFirst().at(), posted.getLast().at()))
                .as("the later threads waited for the channel's window: %s", posted)
                .isGreaterThanOrEqualTo(Duration.ofSeconds(19));
        for (Spent from : posted) {
            int inWindow = posted.stream().filter(s -> !s.at().isBefore(from.at())
                    && s.at().isBefore(from.at().plus(Duration.ofSeconds(20)))).mapToInt(Spent::edits).sum();
            assertThat(inWindow).as("chat.postMessage calls in #%s in the 20 s from %s", CHANNEL, from.at())
                    .isLessThanOrEqualTo(20);
        }
        List<Spent> spent = new ArrayList<>();
        int before = slack.calls("chat.update").size();
        for (int round = 0; round < ROUNDS; round++) {
            for (int r = 0; r < RELEASES; r++) {
                click(actions.get(r).get(round), "pass", RM);
            }
            before = step(spent, before);
        }
        int rootsCurrentAt = -1;
        for (int k = 0; k < 200 && !roots.stream().allMatch(this::current); k++) {
            before = step(spent, before);
            if (rootsCurrentAt < 0 && roots.stream().allMatch(this::rootCurrent)) {
                rootsCurrentAt = k;
            }
        }
        assertThat(roots).as("every message at its final content").allMatch(this::current);
        assertThat(rootsCurrentAt).as("the roots' figures went first, sections waited")
                .isBetween(0, spent.size() - ROUNDS - 2);
        int total = spent.stream().mapToInt(Spent::edits).sum();
        assertThat(total).as("more edits were wanted than a minute allows").isGreaterThan(50);
        for (Spent from : spent) {
            int inMinute = spent.stream().filter(s -> !s.at().isBefore(from.at())
                    && s.at().isBefore(from.at().plus(Duration.ofMinutes(1)))).mapToInt(Spent::edits).sum();
            assertThat(inMinute).as("chat.update calls in the minute from %s", from.at()).isLessThanOrEqualTo(50);
        }
    }

    private boolean threadPosted(String version) {
        return slack.channel(CHANNEL).stream().filter(m -> m.visibleText().contains(version)).findFirst()
                .map(root -> slack.thread(root.ts()).stream().anyMatch(m -> m.visibleText().contains("*Approvals*")))
                .orElse(false);
    }

    private void posts() {
        deliver();
        int now = slack.calls("chat.postMessage").size();
        posted.add(new Spent(clock.instant(), now - postsBefore));
        postsBefore = now;
    }

    private int step(List<Spent> spent, int before) {
        deliver();
        int now = slack.calls("chat.update").size();
        spent.add(new Spent(clock.instant(), now - before));
        return now;
    }

    private boolean rootCurrent(String rootTs) {
        return slack.channel(CHANNEL).stream().filter(m -> m.ts().equals(rootTs)).findFirst().orElseThrow()
                .visibleText().contains("Items " + ROUNDS + "/24 passed");
    }

    private boolean current(String rootTs) {
        String checks = slack.thread(rootTs).stream().filter(m -> m.visibleText().contains("*Checks*")).findFirst()
                .orElseThrow().visibleText();
        return rootCurrent(rootTs) && checks.contains(":white_check_mark: Check 0" + ROUNDS);
    }
}
