package dev.countdown.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestInstance;

/**
 * Change windows in Slack, on a clock the test sets: a GO outside the deployment windows or in a
 * freeze is refused with the reason and the next window; the CTO's override is given and recorded.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlackChangeWindowTest extends SlackTestBase {

    private static final String CTO = "U0CTO0001";

    @jakarta.inject.Inject
    dev.countdown.release.ReleaseService releases;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        try {
            Path dir = Files.createTempDirectory("windows");
            Path templates = Files.createDirectories(dir.resolve("checklist-templates"));
            Path manifests = Files.createDirectories(dir.resolve("manifests"));
            Files.writeString(templates.resolve("api.md"), "# API\n\n## Checks\n\n- [ ] Smoke tests pass\n");
            Files.writeString(manifests.resolve("api.yaml"), """
                    service: api
                    template: api.md
                    channels: { slack: [%s] }
                    roles:
                      release-manager: { owners: { slack-users: [%s] } }
                      cto: { title: CTO, owners: { slack-users: [%s] } }
                    permissions:
                      start: { slack-users: [%s] }
                    policy:
                      required-roles: [release-manager]
                    windows:
                      time-zone: UTC
                      deploy: ["Mon-Fri 02:00-06:00"]
                      freezes:
                        - { from: 2031-12-20, to: 2032-01-05, reason: holiday freeze }
                      override: { roles: [cto] }
                    """.formatted(CHANNEL, RM, CTO, RM));
            properties.put("countdown.manifests-dir", manifests.toString());
            properties.put("countdown.scheduler.poll", "100ms");
            properties.put("countdown.templates-dir", templates.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    @Test
    @Order(1)
    void aGoOutsideTheWindowsIsRefusedWithTheNextWindowAndTheCtoMayOverride() {
        at("2031-01-04T10:00:00Z");
        String id = readyRelease("v1.0.0");
        assertThat(answer(command("decide", RM))).isEqualTo("No GO now. It is Sat 2031-01-04 10:00 UTC, outside the "
                + "deployment windows (Mon-Fri 02:00-06:00 UTC). Next window: Mon 2031-01-06 02:00 UTC.");
        assertThat(answer(command("decide override", RM))).startsWith("You may not give a GO outside the change windows.")
                .contains("CTO owners (<@" + CTO + ">)");
        assertThat(answer(command("decide override", CTO))).startsWith("Change window overridden: It is Sat 2031-01-04")
                .contains("Release decision: GO");
        deliver();
        assertThat(slack.uploads().values()).as("the override is in the evidence")
                .anyMatch(body -> body.contains("\"window.override\"") && body.contains(id));

        at("2031-12-23T03:00:00Z");
        readyRelease("v1.1.0");
        assertThat(answer(command("decide", RM))).isEqualTo("No GO now. Deploys are frozen (holiday freeze) until "
                + "Mon 2032-01-05 00:00 UTC. Next window: Mon 2032-01-05 02:00 UTC.");
        at("2032-01-05T02:00:00Z");
        assertThat(answer(command("decide", RM))).isEqualTo("Release decision: GO.");
    }

    /** Runs after the test above: the clock only moves forward. */
    @Test
    @Order(2)
    void theThreadSaysWhenTheWindowIsClosedAndOnTheScheduleThatItOpened() throws InterruptedException {
        at("2032-02-02T01:00:00Z"); // a Monday, an hour before its window
        String id = readyRelease("v2.0.0");
        String root = root("v2.0.0");
        deliver();
        String closed = ":lock: Outside the deployment windows (Mon-Fri 02:00-06:00 UTC). Next window: Mon 2032-02-02 02:00 UTC.";
        assertThat(slack.find(root, "Approvals").visibleText()).contains(closed);
        assertThat(answer(command("decide", RM))).startsWith("No GO now.");

        at("2032-02-02T01:59:00Z");
        deliver();
        assertThat(slack.find(root, "Approvals").visibleText()).as("not yet").contains(closed);

        at("2032-02-02T02:00:00Z");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (slack.find(root, "Approvals").visibleText().contains(":lock:") && System.nanoTime() < deadline) {
            deliver(); // the scheduler polls only while its clock moves
            Thread.sleep(100);
        }
        assertThat(slack.find(root, "Approvals").visibleText()).as("the window is open").doesNotContain(":lock:")
                .contains("Decide Release decision");
        assertThat(releases.events(id)).filteredOn(e -> e.type().equals("window.opened")).singleElement()
                .satisfies(e -> assertThat(e.actorId()).isEqualTo("countdown-windows"));
        assertThat(answer(command("decide", RM))).isEqualTo("Release decision: GO.");
    }

    private String readyRelease(String version) {
        assertThat(answer(command("start " + version, RM))).contains("started");
        deliver();
        String id = SlackIdsTestAccess.releaseIdIn(slack.find(root(version), "Smoke tests"));
        click(SlackIds.item(id, "checks.smoke-tests-pass"), "pass", RM);
        click(SlackIds.vote(id, true, "release-manager"), null, RM);
        return id;
    }

    /** The ts of the version's thread root: the channel's messages come in no particular order. */
    private String root(String version) {
        return slack.channel(CHANNEL).stream().filter(m -> m.visibleText()
                        .matches("(?s).*Release api " + java.util.regex.Pattern.quote(version) + "\\s.*"))
                .findFirst().orElseThrow().ts();
    }
}
