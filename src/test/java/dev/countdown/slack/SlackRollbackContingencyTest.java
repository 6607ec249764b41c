package dev.countdown.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countdown.support.ApiClient;
import dev.countdown.support.CountdownTestProperties;
import dev.countdown.support.FakeSlack;
import dev.countdown.support.SignedSlackRequests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A phased release given GO through Phase 2, then {@code /rollback} in its thread: the rollback
 * thread offers the project's rollback template's "If phase 2 fails" steps, and not those of the
 * phases that never ran (4) or whose change is not the one being undone (1).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackRollbackContingencyTest extends SlackTestBase {

    private static final String SRE = "U0SRE0001";
    private static final String IC = "U0IC00001";
    /** Phase gates as the canary template writes them; Phase 4 is there so its steps have a phase to belong to. */
    private static final String TEMPLATE = """
            # Phased checkout

            ## Phase 1: Canary 5%

            - [ ] Canary at 5% of traffic
            - [ ] **Phase 1 Go/No-Go**: ✅ Proceed / ❌ Rollback

            ## Phase 2: Canary 25%

            - [ ] Canary at 25% of traffic
            - [ ] **Phase 2 Go/No-Go**: ✅ Proceed / ❌ Rollback

            ## Phase 4: Full rollout

            - [ ] All traffic on the new version
            - [ ] **Phase 4 Go/No-Go**: ✅ Proceed / ❌ Rollback
            """;
    private static final String MANIFEST = """
            service: phased
            template: phased.md
            channels: { slack: [%s] }
            roles:
              release-manager: { owners: { slack-users: [%s] } }
              incident-commander:
                title: Incident Commander
                owners: { slack-users: [%s] }
            permissions:
              start: { slack-users: [%s] }
              decide: { slack-users: [%s] }
              rollback: { slack-users: [%s], roles: [incident-commander] }
            policy:
              required-roles: [release-manager]
            rollback:
              template: rollback.md
              triggers:
                - 5xx rate above 1%% for 10 minutes
              decision-owner: incident-commander
            """.formatted(CHANNEL, RM, IC, RM, RM, SRE);

    private final Path dir = tempDir();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        try {
            Path templates = Files.createDirectories(dir.resolve("checklist-templates"));
            Path manifests = Files.createDirectories(dir.resolve("manifests"));
            Files.writeString(templates.resolve("phased.md"), TEMPLATE);
            // the project's own rollback template, with its "If phase 1/2/4 fails" sections
            Files.copy(Path.of("checklist-templates", "rollback.md"), templates.resolve("rollback.md"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(manifests.resolve("phased.yaml"), MANIFEST);
            properties.put("countdown.manifests-dir", manifests.toString());
            properties.put("countdown.templates-dir", templates.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    @Test
    void theRollbackThreadOffersTheStepsOfThePhaseLastGivenGo() {
        assertThat(answer(command("start v3.1.0", RM))).contains("Release phased v3.1.0 started.");
        deliver();
        String releaseRoot = slack.channel(CHANNEL).getFirst().ts();
        String id = SlackIdsTestAccess.releaseIdIn(slack.find(releaseRoot, "Canary at 5% of traffic"));

        click(SlackIds.item(id, "phase-1-canary-5.canary-at-5-of-traffic"), "pass", RM);
        click(SlackIds.decide(id, "Phase 1 Go/No-Go", false), null, RM);
        deliver();
        assertThat(slack.find(releaseRoot, "Phase 1 Go/No-Go: GO").visibleText()).contains("decided by " + RM);
        click(SlackIds.item(id, "phase-2-canary-25.canary-at-25-of-traffic"), "pass", RM);
        click(SlackIds.decide(id, "Phase 2 Go/No-Go", false), null, RM);
        deliver();
        assertThat(slack.find(releaseRoot, "Phase 2 Go/No-Go: GO").visibleText()).contains("decided by " + RM);

        assertThat(answer(requests().send(SignedSlackRequests.slashCommand("/rollback", "", SRE, CHANNEL, trigger()))))
                .startsWith("Rollback of phased v3.1.0 started");
        deliver();
        FakeSlack.Message root = slack.channel(CHANNEL).stream().filter(m -> m.visibleText().contains("Rollback of"))
                .findFirst().orElseThrow();
        String thread = String.join("\n", slack.thread(root.ts()).stream().map(FakeSlack.Message::visibleText).toList());
        assertThat(thread).as("the rollback thread, as Slack shows it")
                .contains("If phase 2 fails", "Records written by the canary in the phase window",
                        "Rollback steps", "Freeze deploys")
                .doesNotContain("If phase 1 fails", "If phase 4 fails")
                .doesNotContain("Canary deployment scaled to 0 replicas; stable deployment untouched")
                .doesNotContain("Stable deployment scaled back to its full replica count");

        String rollbackId = SlackIdsTestAccess.releaseIdIn(slack.find(root.ts(), "Incident Commander"));
        JsonNode rollback = new ApiClient(server.getURI(), CountdownTestProperties.TOKEN)
                .get("/api/releases/" + rollbackId).json();
        List<String> titles = new ArrayList<>();
        rollback.path("sections").forEach(s -> titles.add(s.path("title").asText()));
        assertThat(titles).as("the REST API's rollback %s", rollbackId).contains("If phase 2 fails")
                .doesNotContain("If phase 1 fails", "If phase 4 fails");
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("rollback-contingency-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
