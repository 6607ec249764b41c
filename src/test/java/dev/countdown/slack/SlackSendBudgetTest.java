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
 * never more than 50 edits in any minute, and every message still ends at its final content.
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

    /** The edits Slack received at each moment of the service's clock. */
    private record Spent(Instant at, int edits) {
    }

    @Test
    void tenBusyReleasesStayWithinFiftyEditsAMinuteAndAllEndCurrent() {
        List<String> roots = new ArrayList<>();
        List<List<String>> actions = new ArrayList<>();
        for (int r = 0; r < RELEASES; r++) {
            assertThat(answer(command("start v9." + r + ".0", RM))).contains("started");
            deliver();
            String version = "long v9." + r + ".0";
            String rootTs = slack.channel(CHANNEL).stream().filter(m -> m.visibleText().contains(version))
                    .findFirst().orElseThrow().ts();
            roots.add(rootTs);
            actions.add(slack.thread(rootTs).stream().filter(m -> m.visibleText().contains("*Checks*"))
                    .flatMap(m -> m.blocks().findValues("action_id").stream()).map(n -> n.asText()).toList());
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
