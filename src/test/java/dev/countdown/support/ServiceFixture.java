package dev.countdown.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A service of the tests' own, written into a temporary directory: its checklist, its manifest
 * (which may point probes at a server the test started), and the settings to run Countdown on them.
 */
public final class ServiceFixture {

    /** The manifest of service "web": channel C0WEB0001, U0RM00001 starts, U0QA00001 owns qa-lead, one http probe. */
    public static String webManifest(String healthUrl, String extraYaml) {
        return """
                service: web
                template: web.md
                channels: { slack: [C0WEB0001] }
                roles:
                  qa-lead: { owners: { slack-users: [U0QA00001] } }
                permissions:
                  start: { slack-users: [U0RM00001] }
                probes:
                  health:
                    type: http
                    url: "%s"
                    expect: { status: 200 }
                    timeout: 2s
                bindings:
                  health: [checks.health-returns-200]
                """.formatted(healthUrl) + extraYaml;
    }

    private ServiceFixture() {
    }

    /** Writes {@code web.md} and {@code web.yaml}; returns settings for an embedded H2 service reading them. */
    public static Map<String, Object> write(Path dir, String checklist, String manifest) throws IOException {
        Path templates = Files.createDirectories(dir.resolve("checklist-templates"));
        Path manifests = Files.createDirectories(dir.resolve("manifests"));
        Files.writeString(templates.resolve("web.md"), checklist);
        Files.writeString(manifests.resolve("web.yaml"), manifest);
        Map<String, Object> properties = new HashMap<>(CountdownTestProperties.with(TestPostgres.newH2Database()));
        properties.put("countdown.manifests-dir", manifests.toString());
        properties.put("countdown.templates-dir", templates.toString());
        properties.put("countdown.chat.poll", "1h");
        properties.put("countdown.chat.initial-delay", "1h");
        return properties;
    }
}
