package dev.countdown.probe;

import static dev.countdown.support.ApiClient.actor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.support.ApiClient;
import dev.countdown.support.CountdownTestProperties;
import dev.countdown.support.ServiceFixture;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A probe run through the REST API against a server that echoes the API key it was sent, base64-encoded
 * in its body and a header: no page or download of the release shows the key in any form.
 */
class EncodedSecretsApiTest {

    private static final String KEY = "literal-api-key-4711";
    private static final String RM = actor("slack", "U0RM00001");

    @TempDir
    Path dir;

    @Test
    void theRecordedEvidenceHoldsNoFormOfTheKey() throws Exception {
        try (MockWebServer target = new MockWebServer()) {
            target.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    String key = request.getHeaders().get("X-Api-Key");
                    String basic = Base64.getEncoder().encodeToString(("probe:" + key).getBytes(StandardCharsets.UTF_8));
                    String blob = Base64.getUrlEncoder().withoutPadding()
                            .encodeToString(("{\"sent\":\"" + key + "\"}").getBytes(StandardCharsets.UTF_8));
                    return new MockResponse.Builder().addHeader("Content-Type", "application/json")
                            .addHeader("X-Seen", "Basic " + basic)
                            .body("{\"status\":\"UP\",\"authorization\":\"Basic " + basic + "\",\"blob\":\"" + blob + "\"}")
                            .build();
                }
            });
            target.start(TestServers.loopback(), 0);
            String manifest = ServiceFixture.webManifest(target.url("/health").toString(), "").replace("timeout: 2s",
                    "timeout: 2s\n    headers: { X-Api-Key: \"" + KEY + "\" }").replace("expect: { status: 200 }",
                    "expect: { status: 200, headers: { X-Seen: \"^Basic \" } }");
            Map<String, Object> properties = ServiceFixture.write(dir, "# Web\n\n## Checks\n\n- [ ] /health returns 200\n",
                    manifest);
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
                ApiClient api = new ApiClient(server.getURI(), CountdownTestProperties.TOKEN);
                String id = api.post("/api/releases", "{\"service\":\"web\",\"version\":\"v1.0.0\",\"actor\":" + RM + "}")
                        .json().at("/release/id").asText();
                String base = "/api/releases/" + id;

                ApiClient.Response run = api.post(base + "/probes", "{\"actor\":" + RM + "}");

                assertThat(run.status()).as(run.body()).isEqualTo(200);
                assertThat(target.takeRequest().getHeaders().get("X-Api-Key")).isEqualTo(KEY);
                assertThat(run.json().at("/results/0/outcome").asText()).as(run.body()).isEqualTo("pass");
                String evidence = api.get(base + "/evidence.json").body();
                for (String shown : new String[] {run.body(), evidence, api.get(base + "/evidence.md").body(),
                        api.get(base).body(), api.get(base + "/timeline").body(), api.get("/releases/" + id).body()}) {
                    assertThat(Leaks.of(KEY, shown)).as(shown).isEmpty();
                }
                assertThat(evidence).contains("Basic [redacted]");
            }
        }
    }
}
