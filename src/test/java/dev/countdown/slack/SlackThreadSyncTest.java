package dev.countdown.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countdown.support.FakeSlack;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The shared thread sync against Slack's faults: a section that shrinks, a 429 that pauses a
 * method for every release, and an outage after which everything catches up in seconds. The
 * "long" manifest's section is split in two while its items have buttons.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackThreadSyncTest extends SlackTestBase {

    @Override
    public Map<String, String> getProperties() {
        return longManifest(super.getProperties());
    }

    static Map<String, String> longManifest(Map<String, String> base) {
        Map<String, String> properties = new java.util.HashMap<>(base);
        Path root = Path.of("src", "test", "resources", "chatlayer").toAbsolutePath();
        properties.put("countdown.manifests-dir", root.resolve("manifests").toString());
        properties.put("countdown.templates-dir", root.resolve("checklist-templates").toString());
        return properties;
    }

    @Test
    void aSplitSectionThatShrinksLeavesNoStaleMessageBehind() {
        String rootTs = start("v1.0.0");
        assertThat(checks(rootTs)).as("24 items with buttons do not fit one message").hasSize(2);
        assertThat(answer(command("cancel plans changed", RM))).containsIgnoringCase("cancel");
        deliver();
        deliver();
        assertThat(checks(rootTs)).as("without buttons they fit one").singleElement()
                .satisfies(m -> assertThat(m.visibleText()).contains("Check 01", "Check 24"));
        assertThat(slack.thread(rootTs)).as("no message left with working buttons")
                .allSatisfy(m -> assertThat(m.blocks().findValues("action_id")).isEmpty());
        assertThat(slack.calls("chat.delete")).hasSize(1);
    }

    @Test
    void a429OnOneReleasePausesThatMethodForEveryReleaseUntilItsRetryAfter() {
        String first = start("v2.0.0");
        String second = start("v2.1.0");
        click(itemActions(first).getFirst(), "pass", RM);
        click(itemActions(second).getFirst(), "pass", RM);
        int before = slack.calls("chat.update").size();
        slack.rateLimit("chat.update", 1, 30);
        for (int k = 0; k < 25; k++) {
            deliver();
        }
        assertThat(slack.calls("chat.update").size() - before).as("27.5 s in: only the call that got the 429")
                .isEqualTo(1);
        for (int k = 0; k < 4; k++) {
            deliver();
        }
        for (String rootTs : List.of(first, second)) {
            assertThat(checks(rootTs).getFirst().visibleText()).contains(":white_check_mark: Check 01");
            assertThat(root(rootTs).visibleText()).contains("Items 1/24 passed");
        }
    }

    @Test
    void afterAnOutageEveryMessageIsCurrentWithinFiveSecondsOfSlackAnswering() {
        String first = start("v3.0.0");
        String second = start("v3.1.0");
        List<String> firstActions = itemActions(first);
        List<String> secondActions = itemActions(second);
        slack.down(true);
        try {
            for (List<String> actions : List.of(firstActions, secondActions)) {
                for (int k = 0; k < 3; k++) {
                    click(actions.get(k), "pass", RM);
                    deliver();
                }
            }
            for (int k = 0; k < 12; k++) {
                // three minutes down: the rows back off to a minute and more (not longer: the service's
                // clock also checks the signatures of Slack's requests, which must stay within five minutes)
                clock.advance(Duration.ofSeconds(15));
                dispatcher.drain();
            }
        } finally {
            slack.down(false);
        }
        Duration waited = Duration.ZERO;
        while (!(current(first) && current(second)) && waited.compareTo(Duration.ofSeconds(5)) <= 0) {
            clock.advance(Duration.ofMillis(250));
            waited = waited.plusMillis(250);
            dispatcher.drain();
        }
        assertThat(current(first) && current(second)).as("every message current %s after Slack answered", waited)
                .isTrue();
    }

    private boolean current(String rootTs) {
        String section = checks(rootTs).getFirst().visibleText();
        return root(rootTs).visibleText().contains("Items 3/24 passed")
                && section.contains(":white_check_mark: Check 01") && section.contains(":white_check_mark: Check 03");
    }

    String start(String version) {
        var started = command("start " + version, RM);
        assertThat(answer(started)).as("%s %s", started.statusCode(), started.body()).contains("started");
        deliver();
        return slack.channel(CHANNEL).stream().filter(m -> m.visibleText().contains("long " + version)).findFirst()
                .orElseThrow().ts();
    }

    FakeSlack.Message root(String rootTs) {
        return slack.channel(CHANNEL).stream().filter(m -> m.ts().equals(rootTs)).findFirst().orElseThrow();
    }

    List<FakeSlack.Message> checks(String rootTs) {
        return slack.thread(rootTs).stream().filter(m -> m.visibleText().contains("*Checks*")).toList();
    }

    List<String> itemActions(String rootTs) {
        return checks(rootTs).stream().flatMap(m -> m.blocks().findValues("action_id").stream()).map(JsonNode::asText)
                .toList();
    }
}
