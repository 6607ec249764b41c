package dev.countdown.slack;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countdown.support.CountdownTestProperties;
import dev.countdown.support.TestPostgres;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A half-configured Slack app stops the start with what to set, instead of leaving Slack silently off. */
class SlackSettingsTest {

    @Test
    void aBotTokenWithoutItsSigningSecretStopsTheStart() {
        assertThatThrownBy(() -> start(Map.of("countdown.slack.bot-token", "xoxb-1-2-3")))
                .hasStackTraceContaining("Slack is half configured: SLACK_BOT_TOKEN is set but SLACK_SIGNING_SECRET is not");
    }

    @Test
    void aSigningSecretWithoutABotTokenStopsTheStart() {
        assertThatThrownBy(() -> start(Map.of("countdown.slack.signing-secret", "abc123")))
                .hasStackTraceContaining("SLACK_SIGNING_SECRET is set but SLACK_BOT_TOKEN is not");
    }

    @Test
    void aUserTokenInPlaceOfTheBotTokenStopsTheStart() {
        assertThatThrownBy(() -> start(Map.of("countdown.slack.bot-token", "xoxp-1-2-3",
                "countdown.slack.signing-secret", "abc123")))
                .hasStackTraceContaining("SLACK_BOT_TOKEN does not start with xoxb-");
    }

    private static void start(Map<String, String> slack) {
        Map<String, Object> properties = new HashMap<>(CountdownTestProperties.with(TestPostgres.newH2Database()));
        properties.putAll(slack);
        ApplicationContext.run(EmbeddedServer.class, properties).close();
    }
}
