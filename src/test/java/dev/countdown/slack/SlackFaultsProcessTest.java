package dev.countdown.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countdown.support.FakeSlack;
import dev.countdown.support.ServiceProcess;
import dev.countdown.support.SignedSlackRequests;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slack's faults met by the service in its own process, on the wall clock, as an SRE would meet
 * them: a 429 holds every call of that method back until its Retry-After ends, whichever release
 * makes it; after Slack is down for a minute every message is current within 5 s of Slack answering;
 * a split section that shrinks leaves no stale message. (SlackThreadSyncTest proves the same
 * in-process on a clock the test moves; this is the real scheduler, the real HTTP client, real time.)
 */
class SlackFaultsProcessTest {

    private static final String CHANNEL = SlackTestBase.CHANNEL;
    private static final String RM = SlackTestBase.RM;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void rateLimitsOutagesAndShrinkingSectionsEndWithEveryMessageCurrent() throws Exception {
        try (FakeSlack slack = new FakeSlack().start(); ServiceProcess service = ServiceProcess.start(dir, environment(slack))) {
            String first = start(slack, service, "v1.0.0");
            String second = start(slack, service, "v1.1.0");

            slack.rateLimit("chat.update", 1, 3);
            click(service, actions(slack, first).get(0));
            click(service, actions(slack, second).get(0));
            await(() -> current(slack, first, 1) && current(slack, second, 1), WAIT);
            List<FakeSlack.Call> updates = slack.calls("chat.update");
            Instant limited = updates.getFirst().at();
            assertThat(updates).as("one chat.update got the 429; none other until its Retry-After of 3 s ended")
                    .filteredOn(c -> c.at().isAfter(limited) && c.at().isBefore(limited.plusMillis(2_900))).isEmpty();

            slack.down(true);
            Instant down = Instant.now();
            for (int k = 1; k < 3; k++) {
                click(service, actions(slack, first).get(k));
                click(service, actions(slack, second).get(k));
            }
            Thread.sleep(Duration.ofMinutes(1).minus(Duration.between(down, Instant.now())).toMillis());
            slack.down(false);
            await(() -> current(slack, first, 3) && current(slack, second, 3), Duration.ofSeconds(5));

            int deletes = slack.calls("chat.delete").size();
            assertThat(command(service, "cancel plans changed")).containsIgnoringCase("cancel");
            await(() -> sections(slack, second).size() == 1 && slack.thread(second).stream()
                    .allMatch(m -> m.blocks().findValues("action_id").isEmpty()), WAIT);
            assertThat(sections(slack, second).getFirst().visibleText()).contains("Check 01", "Check 24");
            assertThat(slack.calls("chat.delete")).as("the surplus part removed").hasSize(deletes + 1);
        }
    }

    private static String start(FakeSlack slack, ServiceProcess service, String version) throws InterruptedException {
        assertThat(command(service, "start " + version)).contains("started");
        await(() -> slack.channel(CHANNEL).stream().anyMatch(m -> m.visibleText().contains("long " + version)
                && slack.thread(m.ts()).stream().anyMatch(r -> r.visibleText().contains("*Approvals*"))), WAIT);
        return slack.channel(CHANNEL).stream().filter(m -> m.visibleText().contains("long " + version)).findFirst()
                .orElseThrow().ts();
    }

    /** Items 1..{@code passed} passed, on the root and in the section's first part. */
    private static boolean current(FakeSlack slack, String rootTs, int passed) {
        String root = slack.channel(CHANNEL).stream().filter(m -> m.ts().equals(rootTs)).findFirst().orElseThrow()
                .visibleText();
        String section = sections(slack, rootTs).getFirst().visibleText();
        return root.contains("Items " + passed + "/24 passed")
                && section.contains(":white_check_mark: Check 0" + passed);
    }

    private static List<FakeSlack.Message> sections(FakeSlack slack, String rootTs) {
        return slack.thread(rootTs).stream().filter(m -> m.visibleText().contains("*Checks*")).toList();
    }

    private static List<String> actions(FakeSlack slack, String rootTs) {
        return sections(slack, rootTs).stream().flatMap(m -> m.blocks().findValues("action_id").stream())
                .map(JsonNode::asText).toList();
    }

    private static void click(ServiceProcess service, String actionId) {
        var ack = new SignedSlackRequests(service.uri(), SlackTestBase.SECRET).send(SignedSlackRequests.blockAction(
                actionId, "pass", RM, CHANNEL, "faults-" + System.nanoTime()));
        assertThat(ack.statusCode()).as("a click is acknowledged whatever Slack's state").isEqualTo(200);
    }

    private static String command(ServiceProcess service, String text) {
        return SlackTestBase.answer(new SignedSlackRequests(service.uri(), SlackTestBase.SECRET).send(
                SignedSlackRequests.slashCommand("/release", text, RM, CHANNEL, "faults-" + System.nanoTime())));
    }

    private Map<String, String> environment(FakeSlack slack) {
        Path root = Path.of("src", "test", "resources", "chatlayer").toAbsolutePath();
        Map<String, String> env = new HashMap<>(ServiceProcess.environment(dir, Map.of(
                "countdown.manifests-dir", root.resolve("manifests"),
                "countdown.templates-dir", root.resolve("checklist-templates")), "faults-test-token"));
        env.put("SLACK_BOT_TOKEN", "xoxb-test-token");
        env.put("SLACK_SIGNING_SECRET", SlackTestBase.SECRET);
        env.put("SLACK_API_URL", slack.apiUrl());
        return env;
    }

    private static void await(BooleanSupplier condition, Duration within) throws InterruptedException {
        Instant end = Instant.now().plus(within);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("not within " + within.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
    }
}
