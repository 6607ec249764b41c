package dev.countdown.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.countdown.evidence.EvidenceBundle;
import dev.countdown.support.ApiClient;
import dev.countdown.support.CountdownTestProperties;
import dev.countdown.support.FakeSlack;
import dev.countdown.support.SignedSlackRequests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code policy.auto-decide}: the GO is taken by Countdown the moment the policy is met; a NO-GO never is. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackAutoDecideTest extends SlackTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEMPLATE = """
            # Auto release

            ## Canary

            - [ ] Canary deployed

            **Canary Go/No-Go**: ✅ Proceed / ❌ Rollback

            ## Rollout

            - [ ] Traffic moved
            - [ ] Smoke tests pass

            ## Sign-off

            | Role | Name |
            |---|---|
            | QA Lead | |
            """;
    // U0QA00001 may start and owns QA Lead: a refusal names them once.
    private static final String MANIFEST = """
            service: shop
            template: auto.md
            channels: { slack: [C0SHOP001] }
            roles:
              qa-lead: { owners: { slack-users: [U0QA00001] } }
            permissions:
              start: { slack-users: [U0RM00001, U0QA00001] }
            policy:
              auto-decide: true
            """;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        try {
            Path dir = Files.createTempDirectory("countdown-auto-decide");
            Path templates = Files.createDirectories(dir.resolve("checklist-templates"));
            Path manifests = Files.createDirectories(dir.resolve("manifests"));
            Files.writeString(templates.resolve("auto.md"), TEMPLATE);
            Files.writeString(manifests.resolve("shop.yaml"), MANIFEST);
            properties.put("countdown.manifests-dir", manifests.toString());
            properties.put("countdown.templates-dir", templates.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    @Test
    void autoDecidePostsAGoWhenTheLastApprovalLandsAndNeverANoGo() throws IOException {
        assertThat(answer(command("start v1.0.0", RM))).contains("started");
        deliver();
        String rootTs = slack.channel(CHANNEL).getFirst().ts();
        String id = SlackIdsTestAccess.releaseIdIn(slack.find(rootTs, "Canary deployed"));
        ApiClient api = new ApiClient(server.getURI(), CountdownTestProperties.TOKEN);

        click(SlackIds.item(id, "canary.canary-deployed"), "pass", RM);
        deliver();
        assertThat(slack.find(rootTs, "Canary Go/No-Go: GO").visibleText()).as("the gate's GO, posted as a decision")
                .contains("decided by Countdown");
        assertThat(slack.find(rootTs, "*Canary*").visibleText()).contains("Gate: Canary Go/No-Go — GO by Countdown at ");
        JsonNode gate = last(api.get("/api/releases/" + id + "/timeline").json());
        assertThat(gate.get("type").asText()).isEqualTo("gate.go");
        assertThat(gate.get("actorSource").asText()).isEqualTo("system");
        assertThat(gate.get("note").asText()).isEqualTo("decided automatically: policy satisfied");

        requests().send(SignedSlackRequests.viewSubmission(SlackIds.NOTE_CALLBACK,
                id + "|rollout.smoke-tests-pass|fail", "note", "text", "checkout answers 500", QA, "V1"));
        click(SlackIds.item(id, "rollout.traffic-moved"), "pass", RM);
        JsonNode release = api.get("/api/releases/" + id).json();
        assertThat(release.get("state").asText()).as("a NO-GO stays a person's call").isEqualTo("open");
        assertThat(release.get("decisions")).hasSize(1);

        click(SlackIds.item(id, "rollout.smoke-tests-pass"), "pass", QA);
        assertThat(api.get("/api/releases/" + id).json().get("decisions")).as("QA Lead has not approved yet").hasSize(1);

        click(SlackIds.item(id, "rollout.smoke-tests-pass"), "pass", "U0STRANGER");
        String refusal = slack.await("chat.postEphemeral", Duration.ofSeconds(5)).param("text");
        assertThat(refusal).contains("You have no part in this release's ceremony");
        assertThat(refusal.split("<@U0QA00001>", -1)).as("each owner is named once: " + refusal).hasSize(2);

        click(SlackIds.vote(id, true, "qa-lead"), null, QA);
        deliver();
        FakeSlack.Message go = slack.find(rootTs, "Release shop v1.0.0: GO");
        assertThat(go.broadcast()).as("mirrored in the channel, as a decision is").isTrue();
        assertThat(go.visibleText()).contains("decided by Countdown");
        assertThat(slack.calls("files.completeUploadExternal")).as("the evidence comes with it").hasSize(1);
        assertThat(api.get("/api/releases/" + id).json().get("state").asText()).isEqualTo("go");
        JsonNode decision = last(api.get("/api/releases/" + id + "/timeline").json());
        assertThat(decision.get("type").asText()).isEqualTo("decision.go");
        assertThat(decision.get("actorSource").asText()).isEqualTo("system");
        assertThat(decision.get("note").asText()).isEqualTo("decided automatically: policy satisfied");
        List<String> approvedBy = new ArrayList<>();
        api.get("/api/releases/" + id + "/timeline").json().forEach(e -> {
            if (e.get("type").asText().equals("role.approved")) {
                approvedBy.add(e.get("actorId").asText());
            }
        });
        assertThat(approvedBy).as("the approval stays QA's own").containsExactly(QA);
        assertThat(EvidenceBundle.verify(JSON.readTree(api.get("/api/releases/" + id + "/evidence.json").body())))
                .as("Countdown's decisions are links of the same audit chain").isEmpty();
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }
}
