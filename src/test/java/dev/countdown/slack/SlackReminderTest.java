package dev.countdown.slack;

import static dev.countdown.slack.SlackRollbackTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.support.ApiClient;
import dev.countdown.support.CountdownTestProperties;
import dev.countdown.support.FakeSlack;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Approvals still pending are nudged in the thread and escalated, on a clock the test moves and
 * the durable scheduler that runs on it: the owners mentioned once, the escalation role once,
 * nothing inside the quiet hours (Europe/Berlin) but a post at their end, nothing once approved,
 * and all of it in the evidence that {@code evidence verify} accepts.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlackReminderTest extends SlackTestBase {

    private static final String EM = "U0EM00001";
    private static final String QA_GROUP = "S0QATEAM1";

    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        try {
            Path dir = Files.createTempDirectory("reminders");
            Path templates = Files.createDirectories(dir.resolve("checklist-templates"));
            Path manifests = Files.createDirectories(dir.resolve("manifests"));
            Files.writeString(templates.resolve("shop.md"), "# Shop\n\n## Checks\n\n- [ ] Smoke tests pass\n");
            // the release manager also owns QA: one person owning two pending roles is mentioned once
            Files.writeString(manifests.resolve("shop.yaml"), """
                    service: shop
                    template: shop.md
                    channels: { slack: [%s] }
                    roles:
                      release-manager: { owners: { slack-users: [%s] } }
                      qa: { title: QA, owners: { slack-users: [%s, %s], slack-groups: [%s] } }
                      em: { title: Engineering Manager, owners: { slack-users: [%s] } }
                    permissions:
                      start: { slack-users: [%s] }
                    policy:
                      required-roles: [release-manager, qa]
                    reminders:
                      after: 30m
                      escalate-after: 60m
                      escalate-to: em
                      quiet-hours: 22:00-07:00
                      time-zone: Europe/Berlin
                    """.formatted(CHANNEL, RM, QA, RM, QA_GROUP, EM, RM));
            properties.put("countdown.manifests-dir", manifests.toString());
            properties.put("countdown.templates-dir", templates.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.put("countdown.scheduler.poll", "100ms");
        return properties;
    }

    // the clock only moves forward: a send budget or a rate limit set at a later time would hold posts back
    @Test
    @Order(1)
    void pendingApprovalsAreNudgedThenEscalatedEachOwnerMentionedOnce() throws Exception {
        at("2031-01-07T09:00:00Z"); // 10:00 in Berlin
        String root = start("v1.0.0");
        String id = releaseIn(root);
        Instant started = clock.instant();

        at("2031-01-07T09:30:01Z");
        FakeSlack.Message nudge = awaitMessage(root, "Approvals still pending");
        assertThat(nudge.visibleText()).contains("Approvals still pending for shop v1.0.0: Release Manager, QA")
                .doesNotContain("<@" + EM + ">");
        for (String mention : List.of("<@" + RM + ">", "<@" + QA + ">", "<!subteam^" + QA_GROUP + ">")) {
            assertThat(count(nudge.visibleText(), mention)).as(mention + " in the nudge").isEqualTo(1);
            assertThat(count(nudge.text(), mention)).as(mention + " in the notification").isEqualTo(1);
        }
        Instant reminded = Instant.parse(event(id, "approval.reminded").path("at").asText());
        assertThat(reminded).isBetween(started.plus(Duration.ofMinutes(30)), started.plus(Duration.ofMinutes(31)));

        click(SlackIds.vote(id, true, "release-manager"), null, RM);
        at("2031-01-07T10:00:01Z");
        FakeSlack.Message escalation = awaitMessage(root, "Escalation: approvals still pending");
        assertThat(escalation.visibleText()).contains("Escalation: approvals still pending for shop v1.0.0: QA*\n")
                .contains("(Engineering Manager)").doesNotContain("<@" + RM + ">");
        assertThat(count(escalation.visibleText(), "<@" + EM + ">")).isEqualTo(1);
        assertThat(slack.thread(root).stream().filter(m -> m.visibleText().contains("still pending"))).as(
                "one nudge, one escalation").hasSize(2);

        click(SlackIds.item(id, "checks.smoke-tests-pass"), "pass", RM);
        click(SlackIds.vote(id, true, "qa"), null, QA);
        assertThat(answer(command("decide", RM))).isEqualTo("Release decision: GO.");
        var bundle = api().get("/api/releases/" + id + "/evidence.json");
        assertThat(bundle.json().path("audit").path("events").findValuesAsText("type"))
                .containsSubsequence("release.started", "approval.reminded", "role.approved", "approval.escalated",
                        "decision.go");
        Path file = Files.writeString(Files.createTempFile("reminders", ".json"), bundle.body());
        assertThat(SlackRollbackTest.verify(file)).startsWith("0:");
        assertThat(api().get("/api/releases/" + id + "/evidence.md").body()).contains("approval.escalated");
    }

    @Test
    @Order(2)
    void insideQuietHoursNothingIsPostedUntilTheyEnd() throws Exception {
        at("2031-01-07T20:45:00Z"); // 21:45 in Berlin: the nudge falls at 22:15, in the quiet hours
        String root = start("v2.0.0");
        String id = releaseIn(root);

        at("2031-01-07T21:15:01Z");
        assertThat(event(id, "approval.reminder-deferred").path("after").asText()).isEqualTo("2031-01-08T06:00:00Z");
        at("2031-01-07T21:45:01Z");
        await("the escalation is deferred too", () -> types(id).stream()
                .filter("approval.reminder-deferred"::equals).count() == 2);
        deliver();
        assertThat(slack.thread(root)).noneMatch(m -> m.visibleText().contains("still pending"));

        at("2031-01-08T06:00:00Z"); // 07:00 in Berlin
        FakeSlack.Message nudge = awaitMessage(root, "Approvals still pending");
        assertThat(nudge.visibleText()).contains("at 06:00 UTC");
        awaitMessage(root, "Escalation: approvals still pending");
        assertThat(types(id)).containsSubsequence("approval.reminder-deferred", "approval.reminder-deferred",
                "approval.reminded").contains("approval.escalated");
    }

    @Test
    @Order(3)
    void approvalsGivenBeforeTheReminderLeaveNothingToSay() throws Exception {
        at("2031-01-09T09:00:00Z");
        String root = start("v3.0.0");
        String id = releaseIn(root);
        assertThat(scheduled(id)).as("a reminder and an escalation wait on the scheduler").isEqualTo(2);
        click(SlackIds.vote(id, true, "release-manager"), null, RM);
        click(SlackIds.vote(id, true, "qa"), null, QA);

        at("2031-01-09T10:30:00Z");
        await("the reminder and the escalation ran", () -> scheduled(id) == 0);
        deliver();
        assertThat(slack.thread(root)).noneMatch(m -> m.visibleText().contains("still pending"));
        assertThat(types(id)).doesNotContain("approval.reminded", "approval.escalated", "command.refused");
    }

    private String start(String version) {
        assertThat(answer(command("start " + version, RM))).contains("started");
        deliver();
        return slack.channel(CHANNEL).stream().filter(m -> m.visibleText().contains(version)).findFirst().orElseThrow().ts();
    }

    private String releaseIn(String root) {
        return SlackIdsTestAccess.releaseIdIn(slack.find(root, "Smoke tests"));
    }

    /** The scheduler runs on the clock the test moves; what it posts is awaited by its effect, within a bound. */
    private FakeSlack.Message awaitMessage(String root, String text) throws InterruptedException {
        await("the thread shows '" + text + "'", () -> {
            deliver();
            return slack.thread(root).stream().anyMatch(m -> m.visibleText().contains(text));
        });
        return slack.find(root, text);
    }

    private com.fasterxml.jackson.databind.JsonNode event(String id, String type) throws InterruptedException {
        await(type + " is in the audit trail", () -> types(id).contains(type));
        for (var e : api().get("/api/releases/" + id + "/timeline").json()) {
            if (e.path("type").asText().equals(type)) {
                return e;
            }
        }
        throw new AssertionError(type);
    }

    private List<String> types(String id) {
        return api().get("/api/releases/" + id + "/timeline").json().findValuesAsText("type");
    }

    /** Reminder task instances of the release still on the scheduler: none once both ran. */
    private int scheduled(String id) {
        DataSource pool = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource);
        try (Connection c = pool.getConnection(); var s = c.prepareStatement(
                "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'approval-reminder' AND task_instance LIKE ?")) {
            s.setString(1, id + ":%");
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private ApiClient api() {
        return new ApiClient(server.getURI(), CountdownTestProperties.TOKEN);
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
