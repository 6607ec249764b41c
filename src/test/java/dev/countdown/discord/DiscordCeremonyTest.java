package dev.countdown.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countdown.support.FakeDiscord;
import dev.countdown.support.FakeDiscordUsers.Interaction;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A whole ceremony in a Discord thread: the real JDA over a fake gateway and REST API. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordCeremonyTest extends DiscordTestBase {

    private static final String SMOKE = "full-rollout.smoke-tests-pass";

    @Test
    void fromStartToGoInAThread() {
        Interaction started = release(RM, "start", Map.of("version", "v1.0.0"));
        assertThat(started.text()).contains("Release web v1.0.0 started.");
        assertThat(started.ephemeral()).isTrue();
        assertThat(started.callbackType()).as("deferred at once, answered when done").isEqualTo(5);
        assertThat(started.firstAnswerAfter()).isLessThan(Duration.ofSeconds(3));
        deliverUntil(d -> !d.channel(FakeDiscord.CHANNEL).isEmpty());
        FakeDiscord.Message root = root();
        assertThat(root.visibleText()).contains("Release web v1.0.0", "open", "Items 0/4 passed", "approvals 0/2");
        assertThat(root.json().path("flags").asInt() & (1 << 15)).as("components v2").isNotZero();
        assertThat(root.json().path("components").get(0).path("accent_color").asInt()).isEqualTo(DiscordComponents.BLUE);
        deliverUntil(d -> d.channel(root.id()).size() >= 4);
        assertThat(discord.hasThread(root.id())).as("the thread is started from the root").isTrue();
        FakeDiscord.Message canary = discord.find(root.id(), "### Canary");
        assertThat(canary.visibleText()).contains("Gate: Canary Go/No-Go");
        assertThat(discord.find(root.id(), "### Full rollout").visibleText()).contains("unlocks after the gate");

        click(RM, canary, "pass!", "canary.canary-deployed-to-5-of-traffic");
        deliverUntil(d -> d.find(root.id(), "### Canary").visibleText().contains("✅ Canary deployed"));
        Interaction probe = release(RM, "probe", Map.of());
        assertThat(probe.text()).contains("Running 1 probe: health");
        deliverUntil(d -> d.find(root.id(), "### Probes").visibleText().contains("✅ pass"));
        deliverUntil(d -> d.find(root.id(), "### Canary").visibleText().contains("✅ Error rate below 1%"));
        assertThat(discord.find(root.id(), "### Canary").visibleText())
                .as("the name Discord shows: the guild nickname").contains("passed by Rita (RM)");
        assertThat(release(RM, "decide", Map.of()).text()).contains("Canary Go/No-Go: GO");

        deliverUntil(d -> d.find(root.id(), "### Approvals").customIds().stream().anyMatch(i -> i.contains("approve")));
        FakeDiscord.Message approvals = discord.find(root.id(), "### Approvals");
        Interaction refused = click(STRANGER, approvals, "cd|", "|approve|qa-lead").awaitFollowUp(Duration.ofSeconds(5));
        assertThat(refused.callbackType()).as("a click is acknowledged as an update at once").isEqualTo(6);
        assertThat(refused.text()).contains("Only the owners of QA Lead can approve it")
                .contains("<@" + QA + ">").contains("<@&" + QA_TEAM + ">");
        assertThat(refused.ephemeral()).isTrue();

        click(QA2, approvals, "cd|", "|approve|qa-lead");
        click(BE, approvals, "cd|", "|approve|backend-lead");
        click(BE, approvals, "cd|", "|approve|backend-lead");
        deliverUntil(d -> d.find(root.id(), "### Approvals").visibleText().contains("Backend Lead** — 1 of 2")
                && d.find(root.id(), "### Approvals").visibleText().contains("QA Lead** — 1 of 1"));
        sleep(300);
        deliver();
        assertThat(discord.find(root.id(), "### Approvals").visibleText())
                .as("a double click counts once; a role's member approves by role")
                .contains("QA Lead** — 1 of 1", "approved by qa2", "Backend Lead** — 1 of 2\napproved by Bea");

        deliverUntil(d -> d.find(root.id(), "### Full rollout").customIds().stream().anyMatch(i -> i.startsWith("cd-more")));
        FakeDiscord.Message rollout = discord.find(root.id(), "### Full rollout");
        click(RM, rollout, "pass!", "full-rollout.100-of-traffic-on-the-new-version");
        deliverUntil(d -> d.find(root.id(), "### Full rollout").visibleText().contains("✅ 100% of traffic"));
        Interaction chosen = discord.users().select(QA, rollout, id(rollout, "cd-more", ""),
                DiscordIds.itemRef(releaseId(rollout), SMOKE)).await(Duration.ofSeconds(5));
        JsonNode form = chosen.modal();
        assertThat(form.path("title").asText()).isEqualTo("Smoke tests pass");
        Interaction saved = discord.users().submit(QA, form.path("custom_id").asText(), Map.of("state", "fail"),
                Map.of("note", "checkout answers 500")).await(Duration.ofSeconds(5));
        assertThat(saved.text()).isEqualTo("Saved.");
        deliverUntil(d -> d.find(root.id(), "### Full rollout").visibleText().contains("❌ Smoke tests pass"));
        assertThat(discord.find(root.id(), "### Full rollout").visibleText())
                .contains("Failure reason by Quinn at ").contains(": checkout answers 500");

        click(QA, discord.find(root.id(), "### Full rollout"), "pass!", SMOKE);
        click(BE2, approvals, "cd|", "|approve|backend-lead");
        deliverUntil(d -> d.find(root.id(), "### Approvals").visibleText().contains("Backend Lead** — 2 of 2")
                && d.find(root.id(), "### Full rollout").visibleText().contains("✅ Smoke tests pass"));
        assertThat(release(RM, "decide", Map.of()).text()).contains("Release decision: GO");
        deliverUntil(d -> d.channel(root.id()).stream().anyMatch(m -> m.attachmentNames().size() == 2));
        assertThat(discord.find(root.id(), "Release web v1.0.0: GO").json().path("components").get(0)
                .path("accent_color").asInt()).isEqualTo(DiscordComponents.GREEN);
        FakeDiscord.Message evidence = discord.channel(root.id()).stream().filter(m -> !m.attachmentNames().isEmpty())
                .findFirst().orElseThrow();
        assertThat(evidence.attachmentNames()).containsExactly("web-v1.0.0-evidence.md", "web-v1.0.0-evidence.json");
        assertThat(discord.files().get("web-v1.0.0-evidence.json")).contains("\"format\" : \"countdown-evidence/1\"")
                .contains("\"outcome\" : \"GO\"").contains("Rita (RM)");
        assertThat(discord.files().get("web-v1.0.0-evidence.md")).contains("# Evidence: web v1.0.0");
        deliverUntil(d -> root().visibleText().contains("🟢 GO"));
        assertThat(discord.channel(FakeDiscord.CHANNEL)).as("the decision is said in the channel too")
                .anyMatch(m -> m.visibleText().contains("Release web v1.0.0: GO — in the thread"));
        assertThat(release(RM, "status", Map.of()).text()).contains("web v1.0.0 is go");
        assertThat(discord.users().slashIn(root.id(), RM, "release", "status", Map.of()).await(Duration.ofSeconds(5))
                .text()).as("typed in the release's thread, a command is about its channel").contains("web v1.0.0 is go");
    }

    @Test
    void helpRollbackAndServiceNamesAsTyped() {
        assertThat(release(RM, "help", Map.of()).text()).contains("/release start", "/release decide");
        assertThat(release(STRANGER, "start", Map.of("version", "v9.9.9")).text())
                .as("a refused start names who may, as mentions").contains("<@" + RM + ">");
        assertThat(discord.users().slash(RM, "rollback", null, Map.of()).await(Duration.ofSeconds(5)).text())
                .as("/rollback is the shared verb: no release here went GO").contains("No release of web went GO");
        Interaction choices = discord.users().autocomplete(RM, "release", "start", "service", "w")
                .await(Duration.ofSeconds(5));
        assertThat(choices.answers().getFirst().path("type").asInt()).isEqualTo(8);
        assertThat(choices.answers().getFirst().path("data").path("choices").get(0).path("value").asText())
                .isEqualTo("web");
        assertThat(discord.users().autocomplete(RM, "rollback", null, "service", "we").await(Duration.ofSeconds(5))
                .answers().getFirst().path("data").path("choices").get(0).path("value").asText())
                .as("/rollback completes service names too").isEqualTo("web");
        assertThat(discord.calls("PUT", "applications/" + FakeDiscord.APP + "/guilds/" + FakeDiscord.GUILD + "/commands")
                .getFirst().body()).contains("\"name\":\"release\"", "\"name\":\"rollback\"", "\"autocomplete\":true");
    }

    private Interaction click(String user, FakeDiscord.Message message, String start, String contains) {
        return discord.users().click(user, message, id(message, start, contains)).await(Duration.ofSeconds(5));
    }

    private static String releaseId(FakeDiscord.Message message) {
        String any = id(message, "pass!", "|item|");
        return any.split("\\|")[1];
    }
}
