package dev.countdown.release;

import static dev.countdown.support.ApiClient.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.countdown.support.ApiClient;
import dev.countdown.support.CountdownTestProperties;
import dev.countdown.support.Fifos;
import dev.countdown.support.ServiceFixture;
import dev.countdown.support.TestPostgres;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The service with manifests that cannot be used beside a good one: the good service starts
 * releases, the others are refused naming file and line, and the start-up log lists them.
 */
class ManifestsAtStartTest {

    private static final String RM = actor("slack", "U0RM00001");

    @TempDir
    Path dir;

    private static String manifest(String service, String template) {
        return """
                service: %s
                template: %s
                channels: { slack: [C0WEB0002] }
                roles: { qa-lead: { owners: { slack-users: [U0QA00001] } } }
                permissions: { start: { slack-users: [U0RM00001] } }
                """.formatted(service, template);
    }

    private static String start(String service) {
        return "{\"service\":\"" + service + "\",\"version\":\"v1.0.0\",\"actor\":" + RM + "}";
    }

    @Test
    void aBrokenManifestAmongGoodOnesIsReportedAndSpoilsNoOther() throws Exception {
        Map<String, Object> properties = ServiceFixture.write(dir, "# Web\n\n## Checks\n\n- [ ] /health returns 200\n",
                ServiceFixture.webManifest("http://127.0.0.1:9/health", ""));
        Path templates = dir.resolve("checklist-templates");
        Path manifests = dir.resolve("manifests");
        Path monster = Files.writeString(templates.resolve("monster.md"),
                "# Monster\n\n" + "-".repeat(2_000) + "\n- [ ] One\n" + "`".repeat(3_000) + "\n- [ ] Two\n");
        Path monsterYaml = Files.writeString(manifests.resolve("monster.yaml"), manifest("monster", "monster.md"));
        Path pipe = Fifos.make(templates.resolve("pipe.md"));
        Files.writeString(manifests.resolve("pipe.yaml"), manifest("pipe", "pipe.md"));
        ListAppender<ILoggingEvent> log = listen();

        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
            ApiClient api = new ApiClient(server.getURI(), CountdownTestProperties.TOKEN);

            ApiClient.Response web = api.post("/api/releases", start("web"));
            ApiClient.Response broken = api.post("/api/releases", start("monster"));
            ApiClient.Response piped = api.post("/api/releases", start("pipe"));

            assertThat(web.status()).as(web.body()).isEqualTo(201);
            assertThat(broken.status()).as(broken.body()).isEqualTo(404);
            assertThat(broken.body()).contains(monsterYaml + ":2: template: cannot be used: " + monster
                    + ":5: code fence ```… (3000 long) opened here is never closed");
            assertThat(piped.status()).as(piped.body()).isEqualTo(404);
            assertThat(piped.body()).contains(pipe + ":1: not a regular file");
            assertThat(api.post("/api/releases", start("web")).status()).as("still serving").isEqualTo(409);

            ApiClient.Response dashboard = api.get("/");
            assertThat(dashboard.body()).contains("Manifests that cannot be used",
                    "<code>" + monsterYaml + ":2: template: cannot be used: " + monster + ":5: code fence",
                    "<code>" + manifests.resolve("pipe.yaml") + ":2: template: cannot be used: " + pipe + ":1: not a regular");
        } finally {
            stopListening(log);
        }
        assertThat(log.list).filteredOn(e -> e.getLevel() == Level.WARN).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly(
                        monsterYaml + ":2: template: cannot be used: " + monster + ":5: code fence ```… (3000 long)"
                                + " opened here is never closed; close it with a line of ```… (3000 long) so the"
                                + " headings and items after it are read",
                        manifests.resolve("pipe.yaml") + ":2: template: cannot be used: " + pipe + ":1: not a regular"
                                + " file; expected a Markdown checklist file, not a named pipe, a device or a socket");
    }

    @Test
    void aManifestsDirectoryThatIsNotThereStopsTheStartNamingTheSetting() {
        Map<String, Object> properties = new HashMap<>(CountdownTestProperties.with(TestPostgres.newH2Database()));
        Path missing = dir.resolve("no-such-dir");
        properties.put("countdown.manifests-dir", missing.toString());

        Throwable failure = catchThrowable(() -> ApplicationContext.run(EmbeddedServer.class, properties).close());

        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).contains("the manifests directory " + missing.toAbsolutePath() + " does not exist;"
                + " set COUNTDOWN_MANIFESTS_DIR (countdown.manifests-dir) to the directory of the release manifests");
    }

    private static ListAppender<ILoggingEvent> listen() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(ManifestsStartupCheck.class)).addAppender(appender);
        return appender;
    }

    private static void stopListening(ListAppender<ILoggingEvent> appender) {
        ((Logger) LoggerFactory.getLogger(ManifestsStartupCheck.class)).detachAppender(appender);
    }
}
