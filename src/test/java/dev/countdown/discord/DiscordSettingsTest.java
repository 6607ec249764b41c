package dev.countdown.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countdown.support.ApiClient;
import dev.countdown.support.CountdownTestProperties;
import dev.countdown.support.TestPostgres;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A half-configured Discord bot stops the start with what to set, instead of leaving Discord silently off. */
class DiscordSettingsTest {

    @Test
    void aGatewayWithoutATokenStopsTheStart() {
        assertThatThrownBy(() -> start(Map.of("countdown.discord.gateway-url", "ws://127.0.0.1:1/")))
                .hasStackTraceContaining("Discord is half configured: DISCORD_GATEWAY_URL is set but DISCORD_TOKEN is not");
    }

    @Test
    void aTokenWithItsAuthorizationPrefixStopsTheStart() {
        assertThatThrownBy(() -> start(Map.of("countdown.discord.token", "Bot abc.def.ghi")))
                .hasStackTraceContaining("set the token alone, without \"Bot \"");
    }

    @Test
    void anApiUrlWithoutItsVersionAndAServerIdThatIsNoneStopTheStart() {
        assertThatThrownBy(() -> start(Map.of("countdown.discord.token", "abc.def.ghi",
                "countdown.discord.api-url", "http://127.0.0.1:1/", "countdown.discord.guild-id", "my-server")))
                .hasStackTraceContaining("DISCORD_API_URL is 'http://127.0.0.1:1/': it must name the API's versioned path")
                .hasStackTraceContaining("DISCORD_GUILD_ID is 'my-server'");
    }

    @Test
    void anUnreachableDiscordDoesNotStopTheStart() {
        Map<String, Object> properties = new HashMap<>(CountdownTestProperties.with(TestPostgres.newH2Database()));
        properties.putAll(Map.of("countdown.discord.token", "abc.def.ghi",
                "countdown.discord.api-url", "http://127.0.0.1:1/api/v10/", "countdown.discord.gateway-url",
                "ws://127.0.0.1:1/"));
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
            assertThat(new ApiClient(server.getURI(), null).get("/health").status()).isEqualTo(200);
        }
    }

    private static void start(Map<String, String> discord) {
        Map<String, Object> properties = new HashMap<>(CountdownTestProperties.with(TestPostgres.newH2Database()));
        properties.putAll(discord);
        ApplicationContext.run(EmbeddedServer.class, properties).close();
    }
}
