package dev.countdown.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.manifest.Comparison;
import dev.countdown.manifest.ProbeSpec;
import dev.countdown.manifest.SecretString;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server that echoes everything it was sent, in its body, its headers and its errors: whatever
 * the outcome, no field of the result may hold a secret's value.
 */
class SecretRedactionTest {

    private static final String TOKEN = "tok-Zq81-secret/value+x";
    private static final String KEY = "k3y-4f5e6d7c";
    private static final String LITERAL = "literal-written-0987";

    private final MockWebServer server = new MockWebServer();
    private final ProbeRunner runner = Runners.with(Map.of("PORTAL_TOKEN", TOKEN, "API_KEY", KEY));

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                // OkHttp's Headers.toString() hides Authorization itself; an echoing server would not
                StringBuilder echo = new StringBuilder(request.getRequestLine());
                request.getHeaders().forEach(h -> echo.append('\n').append(h.getFirst()).append(": ").append(h.getSecond()));
                if (request.getUrl().encodedPath().contains("straddle")) {
                    // the credential crosses the point where the evidence excerpt is cut
                    String auth = request.getHeaders().get("Authorization");
                    return new MockResponse.Builder().body("x".repeat(Excerpt.MAX_BYTES - 45) + auth + "y".repeat(4000))
                            .build();
                }
                if (request.getUrl().encodedPath().contains("encoded")) {
                    return new MockResponse.Builder().addHeader("X-Echo", request.getHeaders().get("Authorization"))
                            .body(encodedEcho(request.getHeaders().get("Authorization"))).build();
                }
                int code = request.getUrl().encodedPath().contains("fail") ? 500 : 200;
                return new MockResponse.Builder().code(code)
                        .addHeader("X-Echo", request.getHeaders().get("Authorization"))
                        .addHeader("Location", request.getUrl().toString())
                        .body(request.getUrl().encodedPath().contains("prom")
                                ? "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"" + echo.toString().replace("\n", " ") + "\"}"
                                : echo.toString())
                        .build();
            }
        });
        server.start(TestServers.loopback(), 0);
    }

    @AfterEach
    void stop() {
        server.close();
        runner.close();
    }

    /** What an echoing server may do with a credential it was sent: encode it, alone or inside more. */
    private static String encodedEcho(String authorization) {
        byte[] credential = authorization.substring("Bearer ".length()).getBytes(StandardCharsets.UTF_8);
        StringBuilder json = new StringBuilder("{\"authorization\":\"" + authorization + "\"");
        json.append(",\"basic\":\"Basic ").append(Base64.getEncoder().encodeToString(
                ("probe:" + new String(credential, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8))).append('"');
        for (int offset = 0; offset < 3; offset++) {
            byte[] blob = new byte[offset + credential.length + 2];
            java.util.Arrays.fill(blob, (byte) 0x5a);
            System.arraycopy(credential, 0, blob, offset, credential.length);
            json.append(",\"std").append(offset).append("\":\"").append(Base64.getEncoder().encodeToString(blob)).append('"');
            json.append(",\"url").append(offset).append("\":\"")
                    .append(Base64.getUrlEncoder().withoutPadding().encodeToString(blob)).append('"');
        }
        return json.append(",\"hex\":\"").append(HexFormat.of().formatHex(credential)).append("\"}").toString();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }

    private static void assertNoSecret(ProbeResult result) {
        assertThat(result.toString()).doesNotContain(TOKEN).doesNotContain(KEY).doesNotContain(LITERAL)
                // the forms a URL or a header carries them in
                .doesNotContain(java.net.URLEncoder.encode(TOKEN, java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("tok-Zq81-secret%2Fvalue%2Bx");
        assertThat(Leaks.of(TOKEN, result.toString())).isEmpty();
        assertThat(Leaks.of(KEY, result.toString())).isEmpty();
    }

    @Test
    void anEchoedTokenIsReplacedByItsReferenceInEveryField() throws Exception {
        ProbeSpec.Http spec = Specs.http(Specs.settings("health"), url("/v1/health?api_key=${API_KEY}"),
                Map.of("Authorization", "Bearer ${PORTAL_TOKEN}", "X-Api-Key", LITERAL),
                Map.of(), Map.of("X-Echo", "^Basic "));

        ProbeResult result = runner.run(spec, Optional.empty());

        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(result.outcome()).isEqualTo(ProbeResult.Outcome.FAIL);
        assertThat(result.summary()).contains("X-Echo \"Bearer ${PORTAL_TOKEN}\" does not match ^Basic ");
        Evidence evidence = result.evidence();
        assertThat(evidence.asked().target()).isEqualTo(url("/v1/health?api_key=${API_KEY}"));
        assertThat(evidence.asked().headers()).containsEntry("Authorization", "Bearer ${PORTAL_TOKEN}")
                .containsEntry("X-Api-Key", Redactor.MASK);
        assertThat(evidence.answer().orElseThrow().excerpt())
                .contains("api_key=${API_KEY}").contains("Authorization: Bearer ${PORTAL_TOKEN}").contains("X-Api-Key: [redacted]");
        assertThat(evidence.answer().orElseThrow().headers()).containsEntry("X-Echo", "Bearer ${PORTAL_TOKEN}")
                .containsEntry("Location", url("/v1/health?api_key=${API_KEY}"));
        assertNoSecret(result);
    }

    @Test
    void aCredentialEchoedBackInBase64OrHexIsMaskedInTheEvidence() throws Exception {
        ProbeSpec.Http spec = Specs.http(Specs.settings("encoded"), url("/encoded"),
                Map.of("Authorization", "Bearer ${PORTAL_TOKEN}"), Map.of(), Map.of("X-Echo", "^Bearer "));

        ProbeResult result = runner.run(spec, Optional.empty());

        String excerpt = result.evidence().answer().orElseThrow().excerpt();
        assertThat(excerpt).as("the server did answer with every form").contains("\"std2\":", "\"url2\":", "\"hex\":");
        assertThat(excerpt).contains("\"authorization\":\"Bearer ${PORTAL_TOKEN}\"",
                "\"basic\":\"Basic [base64 with ${PORTAL_TOKEN}]\"", "\"std1\":\"[base64 with ${PORTAL_TOKEN}]\"",
                "\"url2\":\"[base64 with ${PORTAL_TOKEN}]\"", "\"hex\":\"[hex of ${PORTAL_TOKEN}]\"");
        assertThat(result.outcome()).isEqualTo(ProbeResult.Outcome.PASS);
        // what ProbeService records: the evidence as JSON
        String recorded = new com.fasterxml.jackson.databind.ObjectMapper().registerModule(new com.fasterxml.jackson
                .datatype.jdk8.Jdk8Module()).registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                .writeValueAsString(result.evidence());
        assertThat(Leaks.of(TOKEN, recorded)).isEmpty();
        assertThat(Leaks.of(TOKEN, result.toString())).isEmpty();
    }

    @Test
    void aCredentialAcrossTheExcerptsCutLeavesNoPartOfItself() throws Exception {
        ProbeSpec.Http spec = Specs.http(Specs.settings("straddle"), url("/straddle"),
                Map.of("Authorization", "Bearer ${PORTAL_TOKEN}"), Map.of(), Map.of());

        ProbeResult result = runner.run(spec, Optional.empty());

        String excerpt = result.evidence().answer().orElseThrow().excerpt();
        assertThat(excerpt).endsWith("bytes in all]")
                .doesNotContain(TOKEN.substring(0, 6));
        assertThat(excerpt.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(Excerpt.MAX_BYTES);
        assertNoSecret(result);
    }

    @Test
    void secretsStayOutOfFailuresRetriesAndErrorsToo() {
        ProbeSpec.Http failing = Specs.http(Specs.settings("failing", Duration.ofSeconds(2), 1), url("/fail/${API_KEY}"),
                Map.of("Authorization", "Bearer ${PORTAL_TOKEN}"), Map.of(), Map.of());
        ProbeSpec.Http unreachable = Specs.http(Specs.settings("unreachable"),
                "http://127.0.0.1:" + TestServers.closedPort() + "/${API_KEY}", Map.of("Authorization", "${PORTAL_TOKEN}"),
                Map.of(), Map.of());
        ProbeSpec.Prometheus prometheus = new ProbeSpec.Prometheus(Specs.settings("prom"), new SecretString(url("/prom/${API_KEY}")),
                "up", Comparison.parse("== 1").orElseThrow(), Map.of("Authorization", new SecretString("Bearer ${PORTAL_TOKEN}")));
        ProbeSpec.GithubActions github = new ProbeSpec.GithubActions(Specs.settings("ci"), url("/gh"), "acme/portal-api",
                "main", List.of("CI"), Duration.ofHours(1), Optional.of(new SecretString("${PORTAL_TOKEN}")));

        List<ProbeResult> results = runner.run(List.of(failing, unreachable, prometheus, github), Optional.empty());

        assertThat(results.get(0).attempts()).isEqualTo(2);
        assertThat(results.get(2).summary()).startsWith("Prometheus refused the query").contains("${PORTAL_TOKEN}");
        assertThat(results.get(3).evidence().asked().headers()).containsEntry("Authorization", "Bearer ${PORTAL_TOKEN}");
        results.forEach(SecretRedactionTest::assertNoSecret);
    }
}
