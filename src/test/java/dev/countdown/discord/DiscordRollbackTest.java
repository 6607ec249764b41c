package dev.countdown.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.countdown.chat.ActionRef;
import dev.countdown.support.FakeDiscord;
import dev.countdown.support.FakeDiscordUsers.Interaction;
import dev.countdown.support.WebhookTarget;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A rollback in Discord, from {@code /rollback} to "rolled back", as {@code SlackRollbackTest} has
 * it in Slack: the real JDA against the fake Discord, and a deploy system on loopback that
 * verifies the webhook's signature. Quinn may start rollbacks, Bea is the incident commander; the
 * tests run in order, the second's release being the service's latest.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DiscordRollbackTest extends DiscordTestBase {

    private static final String SECRET = "whsec-discord-0123456789abcdef";
    private static final String ROLLBACK_MANIFEST = """
            service: web
            template: web.md
            channels: { discord: ["%s"] }
            roles:
              release-manager: { owners: { discord-users: ["%s"] } }
              incident-commander:
                title: Incident Commander
                owners: { discord-users: ["%s"] }
            permissions:
              start: { discord-users: ["%s"] }
              decide: { discord-users: ["%s"] }
              rollback: { discord-users: ["%s"], roles: [incident-commander] }
            probes:
              health: { type: http, url: "%s", expect: { status: 200 }, timeout: 2s }
            policy:
              required-roles: [release-manager]
            watch: { every: 1s, probes: [health] }
            rollback:
              template: rollback.md
              triggers:
                - 5xx rate above 1%% for 10 minutes
              steps:
                - Route all traffic to the previous version
              decision-owner: incident-commander
              action:
                type: webhook
                url: "%s"
                secret: "%s"
                body: '{"service":"{service}","rollback_from":"{version}"}'
                timeout: 10s
            """;

    private final WebhookTarget target = webhookTarget();
    /** The service's health as the watch sees it: it turns bad after the second GO. */
    private final AtomicBoolean healthy = new AtomicBoolean(true);
    private final HttpServer watched = watchedHealth();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        try {
            Path templates = Path.of(properties.get("countdown.templates-dir"));
            Files.writeString(templates.resolve("web.md"), "# Web\n\n## Checks\n\n- [ ] Smoke tests pass\n");
            Files.copy(Path.of("checklist-templates", "rollback.md"), templates.resolve("rollback.md"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(Path.of(properties.get("countdown.manifests-dir")).resolve("web.yaml"),
                    ROLLBACK_MANIFEST.formatted(FakeDiscord.CHANNEL, RM, BE, RM, RM, QA, "http://127.0.0.1:" + watched.getAddress().getPort() + "/health",
                            target.url("/deploy/rollback"), SECRET));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.put("countdown.scheduler.poll", "100ms");
        return properties;
    }

    @AfterAll
    void stopTarget() {
        target.close();
        watched.stop(0);
    }

    @Test
    @Order(1)
    void aRollbackRunsItsActionOnceAndEndsTheReleaseRolledBack() {
        String releaseId = goRelease("v2.0.0");

        Interaction refused = rollback(STRANGER, Map.of());
        assertThat(refused.ephemeral()).isTrue();
        assertThat(refused.text()).startsWith("You may not start a rollback of web.")
                .contains("<@" + QA + ">", "Incident Commander owners (<@" + BE + ">)");
        assertThat(discord.users().slash(STRANGER, "release", "rollback", Map.of()).await(Duration.ofSeconds(5)).text())
                .as("/release rollback, as /release help lists it, is the same command")
                .startsWith("You may not start a rollback of web.");

        Interaction started = rollback(QA, Map.of("service", "web"));
        assertThat(started.callbackType()).as("deferred at once, answered when done").isEqualTo(5);
        assertThat(started.ephemeral()).isTrue();
        assertThat(started.text()).startsWith("Rollback of web v2.0.0 started");
        deliverUntil(d -> d.channel(FakeDiscord.CHANNEL).stream().anyMatch(m -> m.visibleText().contains("## Rollback of")));
        FakeDiscord.Message root = rollbackRoot();
        assertThat(root.visibleText()).contains("Rollback of web v2.0.0", "Undoes release " + releaseId,
                "action: webhook after approval");
        deliverUntil(d -> d.channel(root.id()).stream().anyMatch(m -> m.visibleText().contains("### Approvals")));
        FakeDiscord.Message approvals = discord.find(root.id(), "### Approvals");
        String approve = id(approvals, "cd|", "|approve|incident-commander");
        String rollbackId = approve.split("\\|")[1];
        assertThat(approvals.visibleText()).contains("Incident Commander", "Rollback action** (webhook): **waits for "
                + "the approval above").doesNotContain("Release Manager");
        assertThat(approvals.customIds()).as("a rollback is decided by its owner's approval, not a Decide button")
                .noneMatch(i -> i.contains("|decide|"));
        deliverUntil(d -> root().visibleText().contains("Rollback " + rollbackId + " undoes this release"));
        assertThat(root().visibleText()).contains("rolling back");
        assertThat(discord.find(root.id(), "Trigger criteria (manifest)").visibleText())
                .contains("5xx rate above 1% for 10 minutes");
        assertThat(rollback(QA, Map.of()).text()).as("one rollback per release at a time")
                .contains("already undoes web v2.0.0");

        discord.users().click(BE, approvals, approve);
        discord.users().click(BE, approvals, approve);
        deliverUntil(d -> rollbackRoot().visibleText().contains("rolled back"));
        assertThat(target.calls()).as("the action ran exactly once despite the double click").hasSize(1);
        WebhookTarget.Received call = target.calls().getFirst();
        assertThat(call.signed()).isTrue();
        assertThat(call.header("Idempotency-Key")).isEqualTo("countdown-" + rollbackId + "-1");
        assertThat(call.body()).isEqualTo("{\"service\":\"web\",\"rollback_from\":\"v2.0.0\"}");

        deliverUntil(d -> d.find(root.id(), "### Approvals").visibleText().contains("**succeeded**"));
        assertThat(discord.find(root.id(), "### Approvals").visibleText())
                .contains("Rollback action** (webhook): **succeeded**", "HTTP 202");
        assertThat(discord.find(root.id(), "### Approvals").customIds())
                .as("approved once: nothing left to approve, confirm or retry")
                .noneMatch(i -> i.contains("|approve|") || i.contains("|confirm|") || i.contains("|retry|"));
        deliverUntil(d -> root().visibleText().contains("rolled back"));
        assertThat(root().visibleText()).contains("↩️ rolled back");

        Interaction retry = discord.users().click(BE, approvals, DiscordIds.action(ActionRef.action(rollbackId, true)))
                .await(Duration.ofSeconds(5)).awaitFollowUp(Duration.ofSeconds(5));
        assertThat(retry.text()).contains("The rollback's action is succeeded");
        assertThat(target.calls()).hasSize(1);
    }

    @Test
    @Order(2)
    void anAbortAlertOffersStartRollbackUntilOneIsStarted() {
        String releaseId = goRelease("v3.0.0");
        healthy.set(false);
        // the GO put the watch on the scheduler; each delivery moves the clock past its next run
        String rootId = root().id();
        deliverUntil(d -> d.channel(rootId).stream().anyMatch(m -> m.visibleText().contains("Abort criterion fired")));
        FakeDiscord.Message alert = discord.find(rootId, "Abort criterion fired for web v3.0.0: health");
        String start = id(alert, "cd|", "|rollback|release");
        assertThat(start).isEqualTo("cd|" + releaseId + "|rollback|release");

        Interaction refused = discord.users().click(STRANGER, alert, start).await(Duration.ofSeconds(5))
                .awaitFollowUp(Duration.ofSeconds(5));
        assertThat(refused.ephemeral()).isTrue();
        assertThat(refused.text()).contains("You may not start a rollback of web.", "<@" + QA + ">");
        Interaction started = discord.users().click(QA, alert, start).await(Duration.ofSeconds(5))
                .awaitFollowUp(Duration.ofSeconds(5));
        assertThat(started.text()).startsWith("Rollback of web v3.0.0 started");
        deliverUntil(d -> d.find(rootId, "Abort criterion fired for web v3.0.0").customIds().isEmpty());
        assertThat(root().visibleText()).contains("rolling back", "undoes this release");
    }

    private String goRelease(String version) {
        assertThat(release(RM, "start", Map.of("version", version)).text())
                .contains("Release web " + version + " started.");
        deliverUntil(d -> d.channel(FakeDiscord.CHANNEL).stream().anyMatch(m -> m.visibleText().contains(
                "## Release web " + version)));
        String rootId = root().id();
        deliverUntil(d -> d.channel(rootId).stream().anyMatch(m -> m.visibleText().contains("### Approvals")));
        FakeDiscord.Message checks = discord.find(rootId, "### Checks");
        String pass = id(checks, "pass!", "checks.smoke-tests-pass");
        discord.users().click(RM, checks, pass).await(Duration.ofSeconds(5));
        FakeDiscord.Message approvals = discord.find(rootId, "### Approvals");
        discord.users().click(RM, approvals, id(approvals, "cd|", "|approve|release-manager")).await(Duration.ofSeconds(5));
        deliverUntil(d -> d.find(rootId, "### Approvals").visibleText().contains("approved by")
                && d.find(rootId, "### Checks").visibleText().contains("✅ Smoke tests pass"));
        assertThat(release(RM, "decide", Map.of()).text()).contains("Release decision: GO");
        deliverUntil(d -> root().visibleText().contains("🟢 GO"));
        return pass.split("\\|")[1];
    }

    private Interaction rollback(String user, Map<String, Object> options) {
        return discord.users().slash(user, "rollback", null, options).await(Duration.ofSeconds(5));
    }

    private FakeDiscord.Message rollbackRoot() {
        return discord.channel(FakeDiscord.CHANNEL).stream().filter(m -> m.visibleText().contains("## Rollback of"))
                .findFirst().orElseThrow(() -> new AssertionError("no rollback root"));
    }

    private HttpServer watchedHealth() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/health", exchange -> {
                byte[] body = (healthy.get() ? "ok" : "down").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(healthy.get() ? 200 : 500, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static WebhookTarget webhookTarget() {
        try {
            return new WebhookTarget(SECRET);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
