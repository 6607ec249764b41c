package dev.countdown.web;

import static dev.countdown.support.ApiClient.actor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.support.ApiClient;
import dev.countdown.support.ApiClient.Response;
import dev.countdown.support.CountdownTestProperties;
import dev.countdown.support.TestPostgres;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Input too long, absent or malformed, sent to the REST API: a 400 that names the field and its
 * limit, never echoes a long value whole, and changes nothing.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputApiTest implements TestPropertyProvider {

    private static final String RM = actor("slack", "U0RM00001");
    private static final String QA = actor("slack", "U0QA00001");
    private static final String MEGABYTE = "x".repeat(1 << 20);

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return CountdownTestProperties.with(TestPostgres.newH2Database());
    }

    private ApiClient api() {
        return new ApiClient(server.getURI(), CountdownTestProperties.TOKEN);
    }

    @Test
    void overLongActorsKeysAndVersionsAreRefusedByName() {
        ApiClient api = api();
        String longId = "U" + "1".repeat(100);
        assertRefused(api.post("/api/releases", start("v1.0.0", actor("slack", longId))),
                "actor.id may be at most 100 characters; got 101: '" + longId.substring(0, 40) + "…'");
        assertRefused(api.post("/api/releases", start("v1.0.0",
                "{\"platform\":\"slack\",\"id\":\"U0RM00001\",\"name\":\"" + "n".repeat(201) + "\"}")),
                "actor.name may be at most 200 characters; got 201");
        assertRefused(api.post("/api/releases", start("v1.0.0",
                "{\"platform\":\"slack\",\"id\":\"U0RM00001\",\"groups\":[null]}")), "actor: a group may not be null");
        assertRefused(api.post("/api/releases", start("v1.0.0", RM), "k".repeat(300)),
                "Idempotency-Key may be at most 196 characters; got 300");
        assertRefused(api.post("/api/releases", start(MEGABYTE, RM)), "Version may be at most 64 characters; got 1,048,576");
        assertRefused(api.post("/api/releases", "{\"service\":\"" + "s".repeat(101) + "\",\"version\":\"v1\",\"actor\":"
                + RM + "}"), "Service may be at most 100 characters; got 101");
        assertThat(api.get("/api/releases").json().findValuesAsText("version")).as("nothing started")
                .doesNotContain("v1.0.0");

        String id = api.post("/api/releases", start("v1.0.0", RM)).json().at("/release/id").asText();
        assertRefused(api.post("/api/releases/" + id + "/probes", "{\"actor\":" + RM + "}", "k".repeat(197)),
                "Idempotency-Key may be at most 196 characters; got 197");
        assertRefused(api.post("/api/releases/" + id + "/probes", "{\"actor\":" + actor("slack", longId) + "}"),
                "actor.id may be at most 100 characters");
        assertRefused(api.post("/api/releases/" + id + "/approvals/qa-lead", "{\"vote\":\"" + MEGABYTE + "\",\"actor\":"
                + QA + "}"), "vote must be approve or reject, not 'xxxxxxxx");
        assertThat(api.post("/api/releases", start("v1.0.1", RM), "k".repeat(196)).status())
                .as("a key of the largest size").isEqualTo(201);
    }

    @Test
    void megabyteNotesAndReasonsAreRefusedAndNothingIsStored() {
        ApiClient api = api();
        String id = api.post("/api/releases", start("v2.0.0", RM)).json().at("/release/id").asText();
        String base = "/api/releases/" + id;

        assertRefused(api.post(base + "/approvals/qa-lead", "{\"vote\":\"approve\",\"note\":\"" + MEGABYTE
                + "\",\"actor\":" + QA + "}"), "Note may be at most 3,000 characters; got 1,048,576: 'xxxx");
        assertRefused(api.post(base + "/items/canary.error-rate-below-1", item("pass", "y".repeat(3001))),
                "Note may be at most 3,000 characters; got 3,001");
        assertRefused(api.post(base + "/items/canary.error-rate-below-1/notes", "{\"note\":\"" + MEGABYTE
                + "\",\"actor\":" + RM + "}"), "Note may be at most 3,000 characters");
        assertRefused(api.post(base + "/cancel", "{\"reason\":\"" + MEGABYTE + "\",\"actor\":" + RM + "}"),
                "Reason may be at most 3,000 characters");
        assertRefused(api.post(base + "/decision", "{\"note\":\"" + MEGABYTE + "\",\"actor\":" + RM + "}"),
                "Note may be at most 3,000 characters");
        assertRefused(api.post(base + "/items/" + "i".repeat(201), item("pass", null)),
                "Item id may be at most 200 characters; got 201");
        assertRefused(api.post(base + "/items/canary.error-rate-below-1", item(MEGABYTE, null)),
                "unknown item state 'xxxxxxxx");

        Response release = api.get(base);
        assertThat(release.json().get("state").asText()).isEqualTo("open");
        assertThat(release.json().at("/counters/rolesApproved").asInt()).isZero();
        assertThat(api.get(base + "/timeline").json()).as("no event: only the start").hasSize(1);
        assertThat(api.get(base + "/evidence.json").body()).doesNotContain("x".repeat(3001));

        assertThat(api.post(base + "/items/canary.error-rate-below-1", item("fail", "y".repeat(3000))).status())
                .as("a note of the largest size").isEqualTo(200);
    }

    @Test
    void micronautsOwnErrorsKeepTheirStatusAndAShortMessage() {
        ApiClient api = api();
        Response notJson = api.post("/api/releases", "{\"service\": shop");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().get("error").asText()).startsWith("Invalid JSON").doesNotContain("\n");
        Response noBody = api.post("/api/releases", "");
        assertThat(noBody.status()).isEqualTo(400);
        assertThat(api.get("/api/nothing-here").status()).isEqualTo(404);
        assertThat(api.get("/api/releases/" + "r".repeat(500)).json().get("error").asText())
                .isEqualTo("No release 'rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr…'.");
        Response token = api.post("/api/releases", "{\"service\": " + "z".repeat(5000) + "}");
        assertThat(token.status()).isEqualTo(400);
        assertThat(token.json().get("error").asText()).startsWith("Invalid JSON");
        assertThat(token.body().length()).as(token.body()).isLessThan(400);
        Response override = api.post("/api/releases", "{\"service\":[\"" + "z".repeat(5000) + "\"],\"actor\":" + RM + "}");
        assertThat(override.status()).isEqualTo(400);
        assertThat(override.body().length()).as(override.body()).isLessThan(400);
    }

    private static void assertRefused(Response response, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("status").asInt()).isEqualTo(400);
        assertThat(response.json().get("error").asText()).contains(message);
        assertThat(response.body().length()).as("the value is not echoed whole").isLessThan(400);
    }

    private static String start(String version, String actor) {
        return "{\"service\":\"shop\",\"version\":\"" + version + "\",\"actor\":" + actor + "}";
    }

    private static String item(String state, String note) {
        return "{\"state\":\"" + state + "\"," + (note == null ? "" : "\"note\":\"" + note + "\",") + "\"actor\":" + RM + "}";
    }
}
