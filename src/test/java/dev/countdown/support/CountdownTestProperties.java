package dev.countdown.support;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The settings every service test shares: the test manifests, an API token, a database. */
public final class CountdownTestProperties {

    public static final String TOKEN = "test-token-0123456789";

    private CountdownTestProperties() {
    }

    /** The shared settings on a fresh H2 database, with the playground turned on explicitly. */
    public static Map<String, String> withPlayground() {
        Map<String, String> properties = new HashMap<>(with(TestPostgres.newH2Database()));
        properties.put("countdown.playground.enabled", "on");
        return properties;
    }

    public static Map<String, String> with(Map<String, String> database) {
        Map<String, String> properties = new HashMap<>(database);
        Path root = Path.of("src", "test", "resources", "ceremony").toAbsolutePath();
        properties.put("countdown.manifests-dir", root.resolve("manifests").toString());
        properties.put("countdown.templates-dir", root.resolve("checklist-templates").toString());
        properties.put("countdown.api.token", TOKEN);
        properties.put("micronaut.server.port", "-1");
        return properties;
    }
}
