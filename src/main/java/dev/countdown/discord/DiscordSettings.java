package dev.countdown.discord;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses to start on a half-configured Discord bot, saying what to set: a bot that was meant to
 * run and silently did not leaves the first {@code /release} unanswered.
 */
@Context
class DiscordSettings {

    static final String TOKEN = "countdown.discord.token";
    static final String DEFAULT_API_URL = "https://discord.com/api/v10/";

    DiscordSettings(@Value("${" + TOKEN + ":}") String token,
                    @Value("${countdown.discord.api-url:}") String apiUrl,
                    @Value("${countdown.discord.gateway-url:}") String gatewayUrl,
                    @Value("${countdown.discord.guild-id:}") String guildId) {
        List<String> problems = problems(token.strip(), apiUrl.strip(), gatewayUrl.strip(), guildId.strip());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Discord is half configured: " + String.join("; ", problems)
                    + ". See docs/discord.md.");
        }
    }

    static List<String> problems(String token, String apiUrl, String gatewayUrl, String guildId) {
        List<String> problems = new ArrayList<>();
        if (token.isEmpty()) {
            for (String[] set : List.of(new String[] {"DISCORD_API_URL", apiUrl},
                    new String[] {"DISCORD_GATEWAY_URL", gatewayUrl}, new String[] {"DISCORD_GUILD_ID", guildId})) {
                if (!set[1].isEmpty()) {
                    problems.add(set[0] + " is set but DISCORD_TOKEN is not (the application's Bot page resets and "
                            + "shows the token)");
                }
            }
            return problems;
        }
        if (token.startsWith("Bot ") || token.contains(" ")) {
            problems.add("DISCORD_TOKEN holds more than the token: set the token alone, without \"Bot \"");
        }
        if (!apiUrl.isEmpty() && !apiUrl.matches("https?://.+/api/v\\d+/?")) {
            problems.add("DISCORD_API_URL is '" + apiUrl + "': it must name the API's versioned path, as "
                    + DEFAULT_API_URL + " does");
        }
        if (!gatewayUrl.isEmpty() && !gatewayUrl.matches("wss?://.+")) {
            problems.add("DISCORD_GATEWAY_URL is '" + gatewayUrl + "': it must be a ws:// or wss:// URL");
        }
        if (!guildId.isEmpty() && !guildId.matches("\\d{15,21}")) {
            problems.add("DISCORD_GUILD_ID is '" + guildId + "': a server id is a number of 15 to 21 digits "
                    + "(Developer Mode, right-click the server, Copy Server ID)");
        }
        return problems;
    }
}
