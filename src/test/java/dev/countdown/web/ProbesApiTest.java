package dev.countdown.web;

import static dev.countdown.support.ApiClient.actor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.countdown.evidence.EvidenceBundle;
import dev.countdown.support.ApiClient;
import dev.countdown.support.ApiClient.Response;
import dev.countdown.support.CountdownTestProperties;
import dev.countdown.support.MutableClock;
import dev.countdown.support.ServiceFixture;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Probes run through the REST API against a local service: results, evidence, and the items they move. */
class ProbesApiTest {

    private static final String RM = actor("slack", "U0RM00001");

    @TempDir
    Path dir;

    @Test
    void aProbeTicksItsItemFailsItAndNeverOverridesAPerson() throws Exception {
        AtomicInteger status = new AtomicInteger(200);
        try (MockWebServer target = new MockWebServer()) {
            target.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return new MockResponse.Builder().code(status.get()).addHeader("Content-Type", "application/json")
                            .body("{\"status\":\"" + (status.get() == 200 ? "UP" : "DOWN") + "\"}").build();
                }
            });
            target.start(InetAddress.getLoopbackAddress(), 0);
            Map<String, Object> properties = properties(target.url("/health").toString());
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
                ApiClient api = new ApiClient(server.getURI(), CountdownTestProperties.TOKEN);
                String id = api.post("/api/releases", "{\"service\":\"web\",\"version\":\"v1.0.0\",\"actor\":" + RM + "}")
                        .json().at("/release/id").asText();
                String base = "/api/releases/" + id;

                Response green = api.post(base + "/probes", "{\"actor\":" + RM + "}");
                assertThat(green.status()).as(green.body()).isEqualTo(200);
                assertThat(green.json().at("/results/0/outcome").asText()).isEqualTo("pass");
                JsonNode ticked = item(green.json(), "checks.health-returns-200");
                assertThat(ticked.get("state").asText()).isEqualTo("pass");
                assertThat(lastNote(ticked)).startsWith("probe health: ");
                assertThat(green.json().at("/release/probes/0/outcome").asText()).isEqualTo("pass");

                status.set(503);
                Response red = api.post(base + "/probes", "{\"probes\":[\"health\"],\"actor\":" + RM + "}");
                assertThat(red.json().at("/results/0/outcome").asText()).isEqualTo("fail");
                assertThat(item(red.json(), "checks.health-returns-200").get("state").asText()).isEqualTo("fail");
                assertThat(lastNote(item(red.json(), "checks.health-returns-200"))).contains("503");

                api.post(base + "/items/checks.health-returns-200",
                        "{\"state\":\"pass\",\"note\":\"checked by hand: the LB was draining\",\"actor\":" + RM + "}");
                Response stillRed = api.post(base + "/probes", "{\"actor\":" + RM + "}");
                assertThat(stillRed.json().at("/results/0/outcome").asText()).isEqualTo("fail");
                assertThat(lastNote(item(stillRed.json(), "checks.health-returns-200")))
                        .as("a person's word stands").isEqualTo("checked by hand: the LB was draining");

                assertThat(api.post(base + "/probes", "{\"actor\":" + actor("slack", "U0NOBODY") + "}").status())
                        .isEqualTo(403);
                Response unknown = api.post(base + "/probes", "{\"probes\":[\"nope\"],\"actor\":" + RM + "}");
                assertThat(unknown.status()).isEqualTo(404);
                assertThat(unknown.json().get("error").asText()).contains("No probe nope", "its probes: health");

                JsonNode bundle = new ObjectMapper().readTree(api.get(base + "/evidence.json").body());
                assertThat(EvidenceBundle.verify(bundle)).isEmpty();
                assertThat(bundle.at("/probes/0/outcome").asText()).isEqualTo("fail");
                assertThat(bundle.at("/audit/events").findValuesAsText("type")).contains("probe.pass", "probe.fail");
                assertThat(api.get(base + "/evidence.md").body()).contains("## Probes", "| health (http) | **fail**");
                assertThat(api.get("/prometheus").body()).contains("countdown_probe_runs_total{outcome=\"fail\",type=\"http\"}");
            }
        }
    }

    @Test
    void afterTheGoTheWatchRaisesAnAlertWhenAnAbortCriterionKeepsFailing() throws Exception {
        AtomicInteger status = new AtomicInteger(200);
        try (MockWebServer target = new MockWebServer()) {
            target.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return new MockResponse.Builder().code(status.get()).body("{\"status\":\"UP\"}").build();
                }
            });
            target.start(InetAddress.getLoopbackAddress(), 0);
            Map<String, Object> properties = properties(target.url("/health").toString(),
                    "watch: { window: 1h, every: 1s, probes: [health], failures: 2 }\n");
            properties.put("test.clock", "mutable");
            properties.put("countdown.scheduler.poll", "100ms");
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
                ApiClient api = new ApiClient(server.getURI(), CountdownTestProperties.TOKEN);
                MutableClock clock = server.getApplicationContext().getBean(MutableClock.class);
                String id = api.post("/api/releases", "{\"service\":\"web\",\"version\":\"v2.0.0\",\"actor\":" + RM + "}")
                        .json().at("/release/id").asText();
                String base = "/api/releases/" + id;
                api.post(base + "/probes", "{\"actor\":" + RM + "}");
                clock.advance(Duration.ofSeconds(5));
                Thread.sleep(300);
                assertThat(probeEvents(api, base)).as("nothing is watched before the GO").isEqualTo(1);
                api.post(base + "/items/checks.notes-read", "{\"state\":\"pass\",\"actor\":" + RM + "}");
                api.post(base + "/approvals/qa-lead", "{\"vote\":\"approve\",\"actor\":" + actor("slack", "U0QA00001") + "}");
                assertThat(api.post(base + "/decision", "{\"actor\":" + RM + "}").json().at("/release/state").asText())
                        .isEqualTo("go");

                // the scheduler runs the watch on the service's clock: at the GO, then one run per second moved
                await(clock, "the watch's run at the GO", () -> probeEvents(api, base) == 2);
                status.set(500);
                clock.advance(Duration.ofSeconds(1));
                await(clock, "the watch's first failing run", () -> probeEvents(api, base) == 3);
                assertThat(api.get(base).json().get("alerts")).as("one failure is not yet a trend").isEmpty();
                clock.advance(Duration.ofSeconds(1));
                await(clock, "the watch's second failing run", () -> probeEvents(api, base) == 4);
                JsonNode alerts = api.get(base).json().get("alerts");
                assertThat(alerts).hasSize(1);
                assertThat(alerts.get(0).get("probe").asText()).isEqualTo("health");
                assertThat(alerts.get(0).get("summary").asText()).contains("500");
                clock.advance(Duration.ofSeconds(1));
                await(clock, "the watch's third failing run", () -> probeEvents(api, base) == 5);
                assertThat(api.get(base).json().get("alerts")).as("an alert per streak, not per run").hasSize(1);
                clock.advance(Duration.ofHours(2));
                Thread.sleep(500);
                assertThat(probeEvents(api, base)).as("the watch ends with its window").isEqualTo(5);
                List<String> types = new java.util.ArrayList<>();
                api.get(base + "/timeline").json().forEach(e -> types.add(e.get("type").asText()));
                assertThat(types).contains("alert.raised").endsWith("probe.fail");
                assertThat(api.get("/releases/" + id).body()).contains("Abort criterion fired: health", "Rollback recommended");
            }
        }
    }

    private static long probeEvents(ApiClient api, String base) {
        List<String> types = new java.util.ArrayList<>();
        api.get(base + "/timeline").json().forEach(e -> types.add(e.get("type").asText()));
        return types.stream().filter(t -> t.startsWith("probe.")).count();
    }

    /** The scheduler's runner is awaited by its effect, within a bound; the clock creeps on meanwhile, as time does. */
    private static void await(MutableClock clock, String what, java.util.function.BooleanSupplier done)
            throws InterruptedException {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(15);
        while (!done.getAsBoolean()) {
            if (java.time.Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
            clock.advance(Duration.ofMillis(1));
        }
    }

    /** The text of an item's latest note: notes accumulate, the latest is the one just given. */
    private static String lastNote(JsonNode item) {
        JsonNode notes = item.get("notes");
        return notes.isEmpty() ? "" : notes.get(notes.size() - 1).get("text").asText();
    }

    private static JsonNode item(JsonNode response, String id) {
        for (JsonNode section : response.at("/release/sections")) {
            for (JsonNode item : section.get("items")) {
                if (item.get("id").asText().equals(id)) {
                    return item;
                }
            }
        }
        throw new AssertionError("no item " + id);
    }

    private Map<String, Object> properties(String healthUrl) throws Exception {
        return properties(healthUrl, "");
    }

    private Map<String, Object> properties(String healthUrl, String extra) throws Exception {
        return ServiceFixture.write(dir, "# Web\n\n## Checks\n\n- [ ] /health returns 200\n- [ ] Notes read\n",
                ServiceFixture.webManifest(healthUrl, extra).replace("expect: { status: 200 }",
                        "expect: { status: 200, json: { /status: UP } }"));
    }
}
