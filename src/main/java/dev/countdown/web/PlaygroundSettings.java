package dev.countdown.web;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the playground is on. It lets anyone who can reach the port act, as any user a manifest
 * names, in releases started in the playground; so {@code COUNTDOWN_PLAYGROUND=auto} (the default)
 * turns it on only when it is Countdown's only surface: the embedded H2 database, and no Slack,
 * Discord or API token configured. {@code on} and {@code off} decide otherwise; anything else is
 * a mistake that stops start-up (a bean created with the context, so it is read at once).
 */
@Context
class PlaygroundSettings {

    private static final Logger LOG = LoggerFactory.getLogger(PlaygroundSettings.class);

    private enum Mode { AUTO, ON, OFF }

    private final Mode mode;
    private final List<String> otherSurfaces;

    PlaygroundSettings(@Value("${countdown.playground.enabled:auto}") String setting,
                       @Value("${datasources.default.url:}") String databaseUrl,
                       @Value("${countdown.slack.bot-token:}") String slackToken,
                       @Value("${countdown.discord.token:}") String discordToken,
                       @Value("${countdown.api.token:}") String apiToken) {
        this.mode = switch (setting.strip().toLowerCase(Locale.ROOT)) {
            case "auto" -> Mode.AUTO;
            case "on" -> Mode.ON;
            case "off" -> Mode.OFF;
            default -> throw new ConfigurationException("COUNTDOWN_PLAYGROUND (countdown.playground.enabled) is '"
                    + setting + "'; use auto, on or off.");
        };
        List<String> others = new ArrayList<>();
        if (!embedded(databaseUrl)) {
            others.add("the database is not the embedded H2 (COUNTDOWN_DB_URL)");
        }
        if (!slackToken.isBlank()) {
            others.add("Slack is configured (SLACK_BOT_TOKEN)");
        }
        if (!discordToken.isBlank()) {
            others.add("Discord is configured (DISCORD_TOKEN)");
        }
        if (!apiToken.isBlank()) {
            others.add("the REST API has a token (COUNTDOWN_API_TOKEN)");
        }
        this.otherSurfaces = List.copyOf(others);
        if (mode == Mode.ON) {
            LOG.warn("the playground is on: anyone who can reach this port can act in playground releases "
                    + "(COUNTDOWN_PLAYGROUND=on)");
        }
    }

    boolean enabled() {
        return mode == Mode.ON || (mode == Mode.AUTO && otherSurfaces.isEmpty());
    }

    /** Why it is on, for the page's notice. */
    String whyOn() {
        return mode == Mode.ON ? "It is on because COUNTDOWN_PLAYGROUND=on."
                : "It is on because it is Countdown's only surface here: the embedded database, no Slack, Discord "
                + "or API token; it is off in production configuration.";
    }

    /** Why it is off, for the off page: plain text, no markup. */
    List<String> whyOff() {
        return mode == Mode.OFF ? List.of("COUNTDOWN_PLAYGROUND=off turns it off.") : otherSurfaces;
    }

    private static boolean embedded(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        return u.startsWith("jdbc:h2:") && !u.startsWith("jdbc:h2:tcp:") && !u.startsWith("jdbc:h2:ssl:");
    }
}
