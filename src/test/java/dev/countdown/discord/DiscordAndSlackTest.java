package dev.countdown.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.countdown.support.FakeDiscord;
import dev.countdown.support.FakeSlack;
import dev.countdown.support.SignedSlackRequests;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A manifest naming a Slack and a Discord channel: one ceremony, started in one, shown and run in both. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordAndSlackTest extends DiscordTestBase {

    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String SLACK_CHANNEL = "C0WEB0001";

    private final FakeSlack slack = new FakeSlack().start();

    @Inject
    EmbeddedServer server;

    @Override
    String channels() {
        return "{ discord: [\"" + FakeDiscord.CHANNEL + "\"], slack: [" + SLACK_CHANNEL + "] }";
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.putAll(slack.appSettings(SECRET));
        return properties;
    }

    @AfterAll
    void stopSlack() {
        slack.close();
    }

    @Test
    void aStartInDiscordShowsInSlackAndSlackActsOnIt() throws Exception {
        assertThat(release(RM, "start", Map.of("version", "v5.0.0")).text()).contains("Release web v5.0.0 started.");

        deliverUntil(d -> !slack.channel(SLACK_CHANNEL).isEmpty() && !d.channel(FakeDiscord.CHANNEL).isEmpty());
        assertThat(slack.channel(SLACK_CHANNEL).getFirst().visibleText()).contains("Release web v5.0.0");
        assertThat(root().visibleText()).contains("Release web v5.0.0");

        var status = new SignedSlackRequests(server.getURI(), SECRET)
                .send(SignedSlackRequests.slashCommand("/release", "status", "U0ANYONE1", SLACK_CHANNEL, "trigger-1"));
        assertThat(new ObjectMapper().readTree(status.body()).path("text").asText()).contains("web v5.0.0 is open");
    }
}
