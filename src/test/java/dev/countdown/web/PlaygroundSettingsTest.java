package dev.countdown.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countdown.support.ApiClient;
import dev.countdown.support.CountdownTestProperties;
import dev.countdown.support.FakeDiscord;
import dev.countdown.support.FakeSlack;
import dev.countdown.support.TestPostgres;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When the playground is on, what its page says when it is off, and a setting that is not one. */
class PlaygroundSettingsTest {

    @Test
    void autoTurnsItOnOnlyWhenItIsTheOnlySurface() {
        Map<String, String> alone = settings();
        alone.remove("countdown.api.token");
        assertThat(get(alone, "/playground").status()).isEqualTo(200);

        ApiClient.Response withApi = get(settings(), "/playground");
        assertThat(withApi.status()).isEqualTo(404);
        assertThat(withApi.body()).contains("The playground is off", "the REST API has a token (COUNTDOWN_API_TOKEN)",
                "Set <code>COUNTDOWN_PLAYGROUND=on</code>");

        try (FakeDiscord discord = new FakeDiscord().start()) {
            // the bot now really starts: pointed at a fake, never at discord.com
            Map<String, String> withDiscord = new HashMap<>(alone);
            withDiscord.putAll(discord.botSettings());
            assertThat(get(withDiscord, "/playground").body()).contains("Discord is configured (DISCORD_TOKEN)")
                    .doesNotContain("COUNTDOWN_API_TOKEN");
        }

        Map<String, String> off = new HashMap<>(alone);
        off.put("countdown.playground.enabled", "off");
        assertThat(get(off, "/playground").body()).contains("COUNTDOWN_PLAYGROUND=off turns it off.");
    }

    @Test
    void withSlackConfiguredThePlaygroundIsOffAndRefusesClicks() {
        try (FakeSlack slack = new FakeSlack().start()) {
            Map<String, String> withSlack = settings();
            withSlack.remove("countdown.api.token");
            withSlack.put("countdown.slack.bot-token", "xoxb-test-token");
            withSlack.put("countdown.slack.signing-secret", "8f742231b10e8888abcd99yyyzzz85a5");
            withSlack.put("countdown.slack.api-url", slack.apiUrl());
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, objects(withSlack))) {
                ApiClient.Response page = new ApiClient(server.getURI(), null).get("/playground");
                assertThat(page.status()).isEqualTo(404);
                assertThat(page.body()).contains("Slack is configured (SLACK_BOT_TOKEN)");
                var click = new PlaygroundClient(server.getURI()).click("C0SHOP001", "U0QA00001", "r1", "approve",
                        "qa-lead", null);
                assertThat(click.status()).isEqualTo(404);
            }
        }
    }

    @Test
    void aValueThatIsNotASettingStopsStartUp() {
        Map<String, String> wrong = settings();
        wrong.put("countdown.playground.enabled", "yes please");
        assertThatThrownBy(() -> ApplicationContext.run(EmbeddedServer.class, objects(wrong)).close())
                .satisfies(e -> assertThat(messages(e)).contains(
                        "COUNTDOWN_PLAYGROUND (countdown.playground.enabled) is 'yes please'; use auto, on or off."));
    }

    private static Map<String, String> settings() {
        return new HashMap<>(CountdownTestProperties.with(TestPostgres.newH2Database()));
    }

    private static ApiClient.Response get(Map<String, String> properties, String path) {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, objects(properties))) {
            return new ApiClient(server.getURI(), null).get(path);
        }
    }

    static Map<String, Object> objects(Map<String, String> properties) {
        return new HashMap<>(properties);
    }

    static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
