package dev.countdown.web;

import static dev.countdown.support.ApiClient.actor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countdown.support.ApiClient;
import dev.countdown.support.ApiClient.Response;
import dev.countdown.support.CountdownTestProperties;
import dev.countdown.support.FakeSlack;
import dev.countdown.support.SignedSlackRequests;
import dev.countdown.support.TestPostgres;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The playground turned on beside Slack: it may not touch a release started from Slack, and
 * nothing but the playground may touch a release started in it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlaygroundIsolationTest implements TestPropertyProvider {

    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String CHANNEL = "C0SHOP001";
    private static final String STARTED_FROM_SLACK = "The playground acts only on releases started in the playground; "
            + "this one was started from slack.";

    private final FakeSlack slack = new FakeSlack().start();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(CountdownTestProperties.with(TestPostgres.newH2Database()));
        properties.putAll(slack.appSettings(SECRET));
        properties.put("countdown.chat.poll", "1h");
        properties.put("countdown.chat.initial-delay", "1h");
        properties.put("countdown.playground.enabled", "on");
        return properties;
    }

    @AfterAll
    void stopSlack() {
        slack.close();
    }

    @Test
    void aRefusalInThePlaygroundNamesWhoCouldInPlainNames() {
        PlaygroundClient playground = new PlaygroundClient(server.getURI());
        assertThat(playground.type(CHANNEL, "U0RM00001", "/release start v9.1.0").said()).contains("started");
        String id = releaseId("v9.1.0");

        String refusal = playground.click(CHANNEL, "U0STRANGER", id, "approve", "qa-lead", null).said();

        assertThat(refusal).contains("Only the owners of QA Lead can approve it").contains("Who can: ")
                .contains("U0QA00001").doesNotContain("slack user").doesNotContain("<@");
    }

    @Test
    void thePlaygroundCannotApproveOrTickAReleaseStartedFromSlack() {
        var started = new SignedSlackRequests(server.getURI(), SECRET).send(SignedSlackRequests.slashCommand("/release",
                "start v1.0.0", "U0RM00001", CHANNEL, "trigger-isolation-1"));
        assertThat(started.body()).contains("Release shop v1.0.0 started.");
        String id = releaseId("v1.0.0");
        JsonNode before = api().get("/api/releases/" + id).json();

        PlaygroundClient playground = new PlaygroundClient(server.getURI());
        var approve = playground.click(CHANNEL, "U0QA00001", id, "approve", "qa-lead", null);
        assertThat(approve.status()).isEqualTo(303);
        assertThat(approve.said()).isEqualTo(STARTED_FROM_SLACK);
        assertThat(playground.click(CHANNEL, "U0RM00001", id, "item", "canary.error-rate-below-1", "pass").said())
                .isEqualTo(STARTED_FROM_SLACK);
        assertThat(playground.click(CHANNEL, "U0RM00001", id, "probe", "health", null).said())
                .isEqualTo(STARTED_FROM_SLACK);
        assertThat(playground.type(CHANNEL, "U0RM00001", "/release decide").said())
                .as("the playground's channel has only its own releases").contains("No release has been started");

        JsonNode after = api().get("/api/releases/" + id).json();
        assertThat(after.get("approvals")).isEqualTo(before.get("approvals"));
        assertThat(after.get("sections")).isEqualTo(before.get("sections"));
        assertThat(after.at("/counters/rolesApproved").asInt()).isZero();
        JsonNode refused = last(api().get("/api/releases/" + id + "/timeline").json());
        assertThat(refused.get("type").asText()).isEqualTo("command.refused");
        assertThat(refused.get("actorSource").asText()).as("the attempt is on the record, as the playground's")
                .isEqualTo("playground");
        assertThat(refused.get("note").asText()).isEqualTo(STARTED_FROM_SLACK);
    }

    @Test
    void noOneButThePlaygroundActsOnAPlaygroundRelease() {
        PlaygroundClient playground = new PlaygroundClient(server.getURI());
        assertThat(playground.type(CHANNEL, "U0RM00001", "/release start v2.0.0").said())
                .isEqualTo("Release shop v2.0.0 started.");
        String id = releaseId("v2.0.0");

        Response asSlackUser = api().post("/api/releases/" + id + "/approvals/qa-lead",
                "{\"vote\":\"approve\",\"actor\":" + actor("slack", "U0QA00001") + "}");
        assertThat(asSlackUser.status()).isEqualTo(403);
        assertThat(asSlackUser.json().get("error").asText())
                .isEqualTo("This release was started in the playground; only the playground acts on it.");
        for (String platform : new String[] {"playground", "system", "api", "teams"}) {
            Response claimed = api().post("/api/releases/" + id + "/approvals/qa-lead",
                    "{\"vote\":\"approve\",\"actor\":" + actor(platform, "U0QA00001") + "}");
            assertThat(claimed.status()).as(platform).isEqualTo(400);
            assertThat(claimed.json().get("error").asText()).startsWith("actor platform must be slack or discord");
        }
        assertThat(api().get("/api/releases/" + id).json().at("/counters/rolesApproved").asInt()).isZero();
    }

    @Test
    void aPlaygroundCeremonyRunsToGoAndItsRecordSaysPlayground() {
        PlaygroundClient p = new PlaygroundClient(server.getURI());
        assertThat(p.type(CHANNEL, "U0RM00001", "/release start v3.0.0").said()).isEqualTo("Release shop v3.0.0 started.");
        String id = releaseId("v3.0.0");
        assertThat(p.click(CHANNEL, "U0RM00001", id, "item", "canary.canary-deployed-to-5-of-traffic", "pass").said())
                .isEmpty();
        p.click(CHANNEL, "U0QA00001", id, "item", "canary.error-rate-below-1", "pass");
        assertThat(p.type(CHANNEL, "U0RM00001", "/release decide").said()).contains("Canary Go/No-Go: GO");
        assertThat(p.click(CHANNEL, "U0VISITOR", id, "approve", "qa-lead", null).said())
                .contains("Only the owners of QA Lead can approve it");
        assertThat(p.click(CHANNEL, "U0BE00001", id, "approve", "qa-lead", null).said())
                .as("a picked user counts only for their own roles").contains("Only the owners of QA Lead");
        p.click(CHANNEL, "U0QA00001", id, "approve", "qa-lead", null);
        p.click(CHANNEL, "U0BE00001", id, "approve", "backend-lead", null);
        p.click(CHANNEL, "U0BE00002", id, "approve", "backend-lead", null);
        p.click(CHANNEL, "U0RM00001", id, "item", "full-rollout.100-of-traffic-on-the-new-version", "pass");
        p.click(CHANNEL, "U0QA00001", id, "item", "full-rollout.smoke-tests-pass", "pass");
        assertThat(p.type(CHANNEL, "U0RM00001", "/release decide").said()).contains("Release decision: GO");

        JsonNode release = api().get("/api/releases/" + id).json();
        assertThat(release.get("state").asText()).isEqualTo("go");
        assertThat(release.get("startedBy").asText()).isEqualTo("U0RM00001 (playground U0RM00001)");
        JsonNode timeline = api().get("/api/releases/" + id + "/timeline").json();
        assertThat(timeline.size()).isGreaterThan(10);
        timeline.forEach(e -> assertThat(e.get("actorSource").asText()).as(e.toString()).isEqualTo("playground"));
        assertThat(api().get("/api/releases/" + id + "/evidence.json").body())
                .contains("(playground U0QA00001)").doesNotContain("(slack ");
    }

    private ApiClient api() {
        return new ApiClient(server.getURI(), CountdownTestProperties.TOKEN);
    }

    private String releaseId(String version) {
        for (JsonNode r : api().get("/api/releases?service=shop").json()) {
            if (r.get("version").asText().equals(version)) {
                return r.get("id").asText();
            }
        }
        throw new AssertionError("no release shop " + version);
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }
}
