package dev.countdown.web;

import static dev.countdown.support.ApiClient.actor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.countdown.Countdown;
import dev.countdown.evidence.EvidenceBundle;
import dev.countdown.support.ApiClient;
import dev.countdown.support.ApiClient.Response;
import dev.countdown.support.CountdownTestProperties;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole ceremony driven through the REST API, as a CI pipeline would: the same test runs on H2
 * and on PostgreSQL (see the subclasses).
 */
abstract class CeremonyApiContract {

    private static final String RM = actor("slack", "U0RM00001");
    private static final String QA = actor("slack", "U0QA00001");
    private static final String BE1 = actor("slack", "U0BE00001");
    private static final String BE2 = actor("discord", "223344556677889900");
    private static final String STRANGER = actor("slack", "U0STRANGER");

    @Inject
    EmbeddedServer server;

    @TempDir
    Path tmp;

    private ApiClient api() {
        return new ApiClient(server.getURI(), CountdownTestProperties.TOKEN);
    }

    @Test
    void aWholeCeremonyFromStartToGoLeavesVerifiableEvidence() throws Exception {
        ApiClient api = api();
        Response started = api.post("/api/releases", "{\"service\":\"shop\",\"version\":\"v1.0.0\",\"actor\":" + RM + "}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        JsonNode release = started.json().get("release");
        String id = release.get("id").asText();
        assertThat(release.get("state").asText()).isEqualTo("open");
        assertThat(release.get("phase").asText()).isEqualTo("Canary Go/No-Go");
        assertThat(release.at("/counters/items").asInt()).isEqualTo(5);
        assertThat(release.at("/counters/passed").asInt()).as("the template's [x] item").isEqualTo(1);
        String base = "/api/releases/" + id;

        Response twice = api.post("/api/releases", "{\"service\":\"shop\",\"version\":\"v1.0.0\",\"actor\":" + RM + "}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("error").asText()).contains("already exists");
        Response notAStarter = api.post("/api/releases", "{\"service\":\"shop\",\"version\":\"v1.0.0\",\"actor\":" + QA + "}");
        assertThat(notAStarter.status()).as("refused before being told it exists").isEqualTo(403);
        assertThat(notAStarter.json().get("error").asText()).contains("You may not start").doesNotContain("already exists");

        Response locked = api.post(base + "/items/full-rollout.smoke-tests-pass", item("pass", null, RM));
        assertThat(locked.status()).isEqualTo(409);
        assertThat(locked.json().get("error").asText()).contains("unlocks after Canary Go/No-Go is GO");

        assertThat(api.post(base + "/items/canary.canary-deployed-to-5-of-traffic", item("pass", null, RM)).status())
                .isEqualTo(200);
        assertThat(api.post(base + "/items/canary.error-rate-below-1", item("pass", "0.2% at 10:05", QA)).status())
                .isEqualTo(200);
        Response gate = api.post(base + "/decision", "{\"actor\":" + RM + "}");
        assertThat(gate.json().get("message").asText()).startsWith("Canary Go/No-Go: GO");
        assertThat(gate.json().at("/release/phase").asText()).isEqualTo("Release decision");

        Response refused = api.post(base + "/approvals/qa-lead", vote("approve", STRANGER));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("error").asText())
                .contains("Only the owners of QA Lead can approve it").contains("slack user U0QA00001")
                .contains("slack group S0QATEAM1");
        assertThat(api.post(base + "/approvals/qa-lead", vote("approve", QA)).status()).isEqualTo(200);
        assertThat(api.post(base + "/approvals/backend-lead", vote("approve", BE1)).status()).isEqualTo(200);
        api.post(base + "/items/full-rollout.100-of-traffic-on-the-new-version", item("pass", null, RM));
        api.post(base + "/items/full-rollout.smoke-tests-pass", item("fail", "checkout answers 500", QA));

        Response noGo = api.post(base + "/decision", "{\"actor\":" + RM + "}");
        assertThat(noGo.status()).isEqualTo(200);
        JsonNode decision = noGo.json().at("/release/decisions/1");
        assertThat(decision.get("outcome").asText()).isEqualTo("NO-GO");
        assertThat(texts(decision.get("reasons"))).containsExactly(
                "failed: Smoke tests pass: checkout answers 500",
                "Backend Lead not approved (1 of 2)");
        assertThat(noGo.json().at("/release/state").asText()).isEqualTo("no-go");

        Response whileNoGo = api.post(base + "/items/full-rollout.smoke-tests-pass", item("pass", null, QA));
        assertThat(whileNoGo.status()).isEqualTo(409);
        assertThat(whileNoGo.json().get("error").asText()).contains("reopen it first");

        Response reopened = api.post(base + "/reopen", "{\"reason\":\"checkout fixed in v1.0.0 build 2\",\"actor\":" + RM + "}");
        assertThat(reopened.json().at("/release/state").asText()).isEqualTo("open");
        assertThat(reopened.json().at("/release/round").asInt()).isEqualTo(2);
        api.post(base + "/items/full-rollout.smoke-tests-pass", item("pass", "green after the fix", QA));
        api.post(base + "/approvals/backend-lead", vote("approve", BE2));
        Response go = api.post(base + "/decision", "{\"note\":\"ship it\",\"actor\":" + RM + "}");
        assertThat(go.json().at("/release/state").asText()).isEqualTo("go");
        assertThat(go.json().at("/release/decisions/2/outcome").asText()).isEqualTo("GO");
        assertThat(go.json().at("/release/counters/rolesApproved").asInt()).isEqualTo(2);

        Response timeline = api.get(base + "/timeline");
        List<String> types = new ArrayList<>();
        timeline.json().forEach(e -> types.add(e.get("type").asText()));
        assertThat(types).startsWith("release.started").contains("command.refused", "gate.go", "decision.no-go",
                "release.reopened").endsWith("decision.go");

        Response markdown = api.get(base + "/evidence.md");
        assertThat(markdown.status()).isEqualTo(200);
        assertThat(markdown.body()).contains("# Evidence: shop v1.0.0", "**GO**", "**NO-GO**",
                "failed: Smoke tests pass: checkout answers 500", "Smoke tests pass — **pass**");

        Response evidence = api.get(base + "/evidence.json");
        assertThat(evidence.status()).isEqualTo(200);
        Path bundle = tmp.resolve("bundle.json");
        Files.writeString(bundle, evidence.body());
        assertThat(verify(bundle)).startsWith("0:").contains("verified: shop v1.0.0");

        int audit = evidence.body().indexOf("\"audit\"");
        String altered = evidence.body().substring(0, audit)
                + evidence.body().substring(audit).replaceFirst("checkout answers 500", "checkout answers 200");
        assertThat(altered).isNotEqualTo(evidence.body());
        Files.writeString(bundle, altered);
        assertThat(verify(bundle)).startsWith("1:").contains("NOT VERIFIED")
                .contains("item.set full-rollout.smoke-tests-pass): its hash does not match its contents");

        String oneByte = evidence.body().replaceFirst("\"state\" : \"pass\"", "\"state\" : \"pasS\"");
        assertThat(oneByte).isNotEqualTo(evidence.body());
        Files.writeString(bundle, oneByte);
        assertThat(verify(bundle)).startsWith("1:").contains("does not match its digest");
        assertThat(EvidenceBundle.verify(new ObjectMapper().readTree(evidence.body()))).isEmpty();
    }

    @Test
    void healthAnswersUpWithTheDatabaseMigrated() {
        Response health = api().get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void aRetriedCallWithTheSameKeyHasOneEffect() {
        ApiClient api = api();
        String id = api.post("/api/releases", "{\"service\":\"shop\",\"version\":\"v2.0.0\",\"actor\":" + RM + "}")
                .json().at("/release/id").asText();
        Response first = api.post("/api/releases/" + id + "/approvals/backend-lead", vote("approve", BE1), "click-1");
        Response again = api.post("/api/releases/" + id + "/approvals/backend-lead", vote("approve", BE1), "click-1");
        assertThat(first.json().get("outcome").asText()).isEqualTo("applied");
        assertThat(again.json().get("outcome").asText()).isEqualTo("repeated");
        assertThat(again.json().at("/release/approvals/1/approvals").asInt()).isEqualTo(1);
        assertThat(api.get("/api/releases/" + id + "/timeline").json()).hasSize(2);

        Response metrics = api.get("/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("countdown_acks_seconds_count{platform=\"api\"",
                "countdown_releases{state=\"open\"", "countdown_outbox_depth");
    }

    @Test
    void writesNeedTheTokenAndBadInputIsNamed() {
        ApiClient anonymous = new ApiClient(server.getURI(), null);
        Response unauthorized = anonymous.post("/api/releases",
                "{\"service\":\"shop\",\"version\":\"v3.0.0\",\"actor\":" + RM + "}");
        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(unauthorized.json().get("error").asText()).contains("bearer token");
        assertThat(new ApiClient(server.getURI(), "wrong").post("/api/releases", "{}").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/releases").status()).isEqualTo(200);

        ApiClient api = api();
        Response unknown = api.post("/api/releases", "{\"service\":\"nope\",\"version\":\"v1\",\"actor\":" + RM + "}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).contains("no manifest for service 'nope'");
        Response badVersion = api.post("/api/releases", "{\"service\":\"shop\",\"version\":\"v1 && rm\",\"actor\":" + RM + "}");
        assertThat(badVersion.status()).isEqualTo(400);
        Response notAllowed = api.post("/api/releases", "{\"service\":\"shop\",\"version\":\"v3.0.0\",\"actor\":" + QA + "}");
        assertThat(notAllowed.status()).isEqualTo(403);
        assertThat(notAllowed.json().get("error").asText()).contains("slack user U0RM00001");
        String id = api.post("/api/releases", "{\"service\":\"shop\",\"version\":\"v3.0.0\",\"actor\":" + RM + "}")
                .json().at("/release/id").asText();
        Response badState = api.post("/api/releases/" + id + "/items/canary.error-rate-below-1", item("maybe", null, RM));
        assertThat(badState.status()).isEqualTo(400);
        assertThat(badState.json().get("error").asText()).contains("expected pending, pass, fail, n/a or blocked");
        assertThat(api.post("/api/releases/" + id + "/items/no.such-item", item("pass", null, RM)).status()).isEqualTo(404);
        assertThat(api.post("/api/releases/" + id + "/approvals/qa-lead", vote("maybe", QA)).status()).isEqualTo(400);
        assertThat(api.post("/api/releases/" + id + "/approvals/qa-lead", "{\"vote\":\"approve\"}").status()).isEqualTo(400);
        Response notJson = api.post("/api/releases/" + id + "/approvals/qa-lead", "not json");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().get("error").asText()).startsWith("Invalid JSON").doesNotContain("\n");
        Response missing = api.get("/api/releases/rnope");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("error").asText()).isEqualTo("No release 'rnope'.");
        assertThat(api.get("/api/nothing-here").json().get("status").asInt()).isEqualTo(404);
        Response cancelled = api.post("/api/releases/" + id + "/cancel", "{\"reason\":\"wrong build\",\"actor\":" + RM + "}");
        assertThat(cancelled.json().at("/release/state").asText()).isEqualTo("cancelled");
        assertThat(api.post("/api/releases/" + id + "/reopen", "{\"actor\":" + RM + "}").status()).isEqualTo(409);
        Response again = api.post("/api/releases", "{\"service\":\"shop\",\"version\":\"v3.0.0\",\"actor\":" + RM + "}");
        assertThat(again.status()).as("a cancelled version may start again").isEqualTo(201);
    }

    private static String verify(Path bundle) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Countdown.tools().run(new String[] {"evidence", "verify", bundle.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return code + ":" + out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    private static String item(String state, String note, String actor) {
        return "{\"state\":\"" + state + "\"," + (note == null ? "" : "\"note\":\"" + note + "\",") + "\"actor\":" + actor + "}";
    }

    private static String vote(String vote, String actor) {
        return "{\"vote\":\"" + vote + "\",\"actor\":" + actor + "}";
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
