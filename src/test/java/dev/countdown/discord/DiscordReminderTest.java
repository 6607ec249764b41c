package dev.countdown.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.support.FakeDiscord;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A reminder in a Discord thread: the pending roles' users and roles mentioned once, and allowed to ping. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordReminderTest extends DiscordTestBase {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        try {
            Path templates = Path.of(properties.get("countdown.templates-dir"));
            Files.writeString(templates.resolve("web.md"), "# Web\n\n## Checks\n\n- [ ] Smoke tests pass\n");
            Files.writeString(Path.of(properties.get("countdown.manifests-dir")).resolve("web.yaml"), """
                    service: web
                    template: web.md
                    channels: { discord: ["%s"] }
                    roles:
                      qa-lead: { title: QA Lead, owners: { discord-users: ["%s"], discord-roles: ["%s"] } }
                      backend-lead: { owners: { discord-users: ["%s", "%s"] } }
                    permissions:
                      start: { discord-users: ["%s"] }
                    policy:
                      required-roles: [qa-lead, backend-lead]
                    reminders: { after: 30m }
                    """.formatted(FakeDiscord.CHANNEL, QA, QA_TEAM, BE, QA, RM));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.put("countdown.scheduler.poll", "100ms");
        return properties;
    }

    @Test
    void pendingApprovalsAreNudgedWithMentionsThatPing() {
        assertThat(release(RM, "start", Map.of("version", "v1.0.0")).text()).contains("Release web v1.0.0 started.");
        deliverUntil(d -> !d.channel(FakeDiscord.CHANNEL).isEmpty());
        FakeDiscord.Message root = root();
        deliverUntil(d -> d.channel(root.id()).stream().anyMatch(m -> m.visibleText().contains("Approvals")));
        assertThat(discord.channel(root.id())).noneMatch(m -> m.visibleText().contains("still pending"));

        clock.advance(Duration.ofMinutes(31));
        deliverUntil(d -> d.channel(root.id()).stream().anyMatch(m -> m.visibleText().contains("still pending")));
        FakeDiscord.Message nudge = discord.find(root.id(), "still pending");
        String text = nudge.visibleText();
        assertThat(text).contains("Approvals still pending for web v1.0.0: QA Lead, Backend Lead");
        // QA owns both roles: named once
        assertThat(text.split("<@" + QA + ">", -1)).as("QA mentioned once").hasSize(2);
        assertThat(text.split("<@&" + QA_TEAM + ">", -1)).as("the QA team mentioned once").hasSize(2);
        assertThat(text).contains("<@" + BE + ">");
        String posted = discord.calls("POST", "channels/" + root.id() + "/messages").stream()
                .filter(c -> c.body().contains("still pending")).findFirst().orElseThrow().body();
        assertThat(posted).contains("\"allowed_mentions\"").contains("\"users\"").contains("\"roles\"");
        String approvals = discord.calls("POST", "channels/" + root.id() + "/messages").stream()
                .filter(c -> c.body().contains("Approvals") && !c.body().contains("still pending")).findFirst()
                .orElseThrow().body();
        assertThat(approvals).as("no other message pings").doesNotContain("\"users\"");
    }
}
