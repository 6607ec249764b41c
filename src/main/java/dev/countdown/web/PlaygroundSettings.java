package dev.countdown.web;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * Whether the playground is on. It lets anyone act as any user named in a manifest, so by default
 * it is on only with the embedded H2 database (a laptop), and off with any other database
 * (production); {@code COUNTDOWN_PLAYGROUND=on|off} decides otherwise.
 */
@Singleton
class PlaygroundSettings {

    private final boolean enabled;

    PlaygroundSettings(@Value("${countdown.playground.enabled:auto}") String setting,
                       @Value("${datasources.default.url:}") String databaseUrl) {
        this.enabled = switch (setting.strip().toLowerCase()) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> databaseUrl.startsWith("jdbc:h2:");
        };
    }

    boolean enabled() {
        return enabled;
    }
}
