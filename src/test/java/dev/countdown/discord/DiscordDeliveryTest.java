package dev.countdown.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.support.FakeDiscord;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Discord's 429s and lost answers: the thread ends up whole, every message once. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordDeliveryTest extends DiscordTestBase {

    @Test
    void aBurstOf429sLosesNothingAndPostsNothingTwice() {
        discord.rateLimit("POST", "channels/", 3, 1.0, false);
        assertThat(release(RM, "start", Map.of("version", "v2.0.0")).text()).contains("started");

        deliverUntil(d -> d.channel(FakeDiscord.CHANNEL).stream().anyMatch(m -> m.visibleText().contains("v2.0.0"))
                && d.channel(rootOf("v2.0.0").id()).size() == 4);
        String thread = rootOf("v2.0.0").id();
        assertThat(discord.calls("POST", "channels/" + FakeDiscord.CHANNEL + "/messages").stream()
                .filter(c -> c.body().contains("## Release web v2.0.0")))
                .as("the root was tried again after each retry-after").hasSize(4);

        discord.rateLimit("PATCH", "channels/", 2, 2.0, true);
        FakeDiscord.Message canary = discord.find(thread, "### Canary");
        discord.users().click(RM, canary, id(canary, "pass!", "canary.canary-deployed-to-5-of-traffic"))
                .await(Duration.ofSeconds(5));
        deliverUntil(d -> d.find(thread, "### Canary").visibleText().contains("✅ Canary deployed")
                && rootOf("v2.0.0").visibleText().contains("Items 1/4 passed"));

        assertThat(discord.channel(FakeDiscord.CHANNEL).stream().filter(m -> m.visibleText().contains("## Release web v2")))
                .as("one root").hasSize(1);
        List<String> parts = discord.channel(thread).stream().map(m -> m.visibleText().lines().filter(l -> !l.isBlank()).findFirst().orElse(""))
                .toList();
        assertThat(parts).containsExactly("### Canary", "### Full rollout", "### Probes", "### Approvals");
    }

    @Test
    void aCreateWhoseAnswerWasLostIsNotPostedAgain() {
        discord.loseAnswers(2);
        assertThat(release(RM, "start", Map.of("service", "web", "version", "v3.0.0")).text()).contains("started");

        deliverUntil(d -> d.channel(FakeDiscord.CHANNEL).stream().anyMatch(m -> m.visibleText().contains("v3.0.0"))
                && d.channel(rootOf("v3.0.0").id()).size() == 4);

        assertThat(discord.channel(FakeDiscord.CHANNEL).stream().filter(m -> m.visibleText().contains("## Release web v3.0.0")))
                .as("the nonce made the second create return the first message").hasSize(1);
        assertThat(discord.channel(rootOf("v3.0.0").id())).hasSize(4);
    }

    private FakeDiscord.Message rootOf(String version) {
        return discord.channel(FakeDiscord.CHANNEL).stream()
                .filter(m -> m.visibleText().contains("## Release web " + version)).findFirst().orElseThrow();
    }
}
