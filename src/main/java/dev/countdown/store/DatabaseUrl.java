package dev.countdown.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A JDBC URL as Countdown must connect with it. Countdown runs on PostgreSQL, or on H2 in
 * PostgreSQL mode; an H2 URL as a person writes it ({@code jdbc:h2:file:/var/lib/countdown/db})
 * gets the options the schema and the durability promise need, and one that contradicts them is
 * refused with what to change, so a wrong URL fails at start instead of at the first click.
 *
 * @param url    the URL to connect with
 * @param driver the JDBC driver class for it
 */
public record DatabaseUrl(String url, String driver) {

    public static final String H2_DRIVER = "org.h2.Driver";
    public static final String POSTGRES_DRIVER = "org.postgresql.Driver";

    /**
     * What H2 must be told. {@code WRITE_DELAY=0} writes each commit before the commit returns:
     * H2's default of 500 ms answers a write that a {@code kill -9} then loses.
     */
    static final Map<String, String> H2_OPTIONS = orderedOptions(
            "MODE", "PostgreSQL",
            "DATABASE_TO_LOWER", "TRUE",
            "DEFAULT_NULL_ORDERING", "HIGH",
            "WRITE_DELAY", "0");

    /**
     * What Countdown sets unless told otherwise: H2 closing itself at JVM exit would pull the
     * database from under the pool and the dispatcher while Micronaut still shuts them down in order.
     */
    static final Map<String, String> H2_DEFAULTS = orderedOptions("DB_CLOSE_ON_EXIT", "FALSE");

    /** A URL Countdown cannot run on; the message says which setting to change and how. */
    public static final class Refused extends IllegalStateException {
        Refused(String message) {
            super(message);
        }
    }

    /**
     * The URL to connect with and its driver.
     *
     * @param configuredDriver the driver a person set, or empty to infer it from the URL
     * @throws Refused when the URL is of another database, contradicts an option, or names the wrong driver
     */
    public static DatabaseUrl of(String configured, Optional<String> configuredDriver) {
        String url = configured == null ? "" : configured.strip();
        String lower = url.toLowerCase(Locale.ROOT);
        DatabaseUrl resolved;
        if (lower.startsWith("jdbc:h2:")) {
            resolved = new DatabaseUrl(h2(url), H2_DRIVER);
        } else if (lower.startsWith("jdbc:postgresql:")) {
            resolved = new DatabaseUrl(url, POSTGRES_DRIVER);
        } else {
            throw new Refused("COUNTDOWN_DB_URL (datasources.default.url) is a " + scheme(url) + " URL: Countdown runs on "
                    + "PostgreSQL (jdbc:postgresql://HOST/DB) or its embedded H2 (jdbc:h2:file:PATH).");
        }
        configuredDriver.map(String::strip).filter(d -> !d.isEmpty() && !d.equals(resolved.driver())).ifPresent(d -> {
            throw new Refused("COUNTDOWN_DB_DRIVER (countdown.db.driver) is " + d + " but the URL is a "
                    + scheme(url) + " URL, which needs " + resolved.driver() + ": unset COUNTDOWN_DB_DRIVER and the "
                    + "driver follows the URL.");
        });
        return resolved;
    }

    public boolean embedded() {
        return driver.equals(H2_DRIVER);
    }

    private static String h2(String url) {
        List<String> parts = new ArrayList<>(List.of(url.split(";", -1)));
        String base = parts.removeFirst();
        Map<String, String> given = new LinkedHashMap<>();
        List<String> kept = new ArrayList<>();
        for (String part : parts) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            String key = (eq < 0 ? part : part.substring(0, eq)).strip().toUpperCase(Locale.ROOT);
            String value = eq < 0 ? "" : part.substring(eq + 1).strip();
            given.put(key, value);
            kept.add(part.strip());
        }
        List<String> conflicts = new ArrayList<>();
        StringBuilder result = new StringBuilder(base);
        kept.forEach(part -> result.append(';').append(part));
        H2_OPTIONS.forEach((key, needed) -> {
            String value = given.get(key);
            if (value == null) {
                result.append(';').append(key).append('=').append(needed);
            } else if (!value.equalsIgnoreCase(needed)) {
                conflicts.add(key + "=" + value + " (Countdown needs " + key + "=" + needed + ")");
            }
        });
        H2_DEFAULTS.forEach((key, value) -> {
            if (!given.containsKey(key)) {
                result.append(';').append(key).append('=').append(value);
            }
        });
        if (!conflicts.isEmpty()) {
            throw new Refused("COUNTDOWN_DB_URL (datasources.default.url) sets " + String.join(", ", conflicts)
                    + ": remove these options and Countdown adds what it needs.");
        }
        return result.toString();
    }

    /** The URL's kind ({@code jdbc:mysql:}) and nothing after it: a user name or password may follow. */
    private static String scheme(String url) {
        int first = url.indexOf(':');
        int second = first < 0 ? -1 : url.indexOf(':', first + 1);
        return second < 0 ? "(not a JDBC URL)" : url.substring(0, Math.min(second + 1, 40));
    }

    private static Map<String, String> orderedOptions(String... keysAndValues) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            options.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(options);
    }
}
