package dev.countdown.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.probe.ProbeResult.Outcome;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a MockWebServer answering as the Prometheus HTTP API does. */
class PrometheusProbeTest {

    private static final String P95 =
            "histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{job=\"portal-api\"}[10m])))";

    private final MockWebServer server = new MockWebServer();
    private final ProbeRunner runner = Runners.with(Map.of());

    @BeforeEach
    void start() throws Exception {
        server.start(TestServers.loopback(), 0);
    }

    @AfterEach
    void stop() {
        server.close();
        runner.close();
    }

    private String base() {
        return "http://127.0.0.1:" + server.getPort();
    }

    private void answer(int code, String body) {
        server.enqueue(new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build());
    }

    private static String vector(String... values) {
        StringBuilder series = new StringBuilder();
        for (String value : values) {
            series.append(series.isEmpty() ? "" : ",")
                    .append("{\"metric\":{\"job\":\"portal-api\"},\"value\":[1767225600.123,\"").append(value).append("\"]}");
        }
        return "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[" + series + "]}}";
    }

    @Test
    void aValueWithinTheBoundPassesAndTheQueryIsSentEncoded() throws Exception {
        answer(200, vector("0.042"));

        ProbeResult result = runner.run(Specs.prometheus("p95", base() + "/", P95, "< 0.2"), Optional.empty());

        assertThat(result.outcome()).isEqualTo(Outcome.PASS);
        assertThat(result.summary()).isEqualTo("0.042 meets < 0.2");
        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/query");
        assertThat(request.getUrl().queryParameter("query")).isEqualTo(P95);
        assertThat(result.evidence().asked().target()).isEqualTo(base() + "/api/v1/query");
        assertThat(result.evidence().asked().query()).hasValue(P95);
        assertThat(result.evidence().answer().orElseThrow().facts())
                .containsEntry("value", "0.042").containsEntry("series", "1").containsEntry("metric", "{\"job\":\"portal-api\"}");
    }

    @Test
    void aValuePastTheBoundFailsShowingBoth() {
        answer(200, vector("0.31", "0.01"));

        ProbeResult result = runner.run(Specs.prometheus("p95", base(), P95, "< 0.2"), Optional.empty());

        assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(result.summary()).isEqualTo("0.31 > bound 0.2 (need < 0.2)");
        assertThat(result.evidence().answer().orElseThrow().facts()).containsEntry("series", "2");
    }

    @Test
    void anEmptyResultFailsSayingSo() {
        answer(200, vector());

        ProbeResult result = runner.run(Specs.prometheus("errors", base(), "sum(rate(x[5m]))", "< 0.01"), Optional.empty());

        assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(result.summary()).isEqualTo("the query returned no series (empty result), so nothing meets < 0.01");
    }

    @Test
    void notANumberFails() {
        answer(200, vector("NaN"));

        ProbeResult result = runner.run(Specs.prometheus("p95", base(), P95, "< 0.2"), Optional.empty());

        assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(result.summary()).isEqualTo("the value is NaN, not a number; need < 0.2");
    }

    @Test
    void aScalarResultIsReadToo() {
        answer(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1767225600,\"0\"]}}");

        ProbeResult result = runner.run(Specs.prometheus("zero", base(), "scalar(vector(0))", "== 0"), Optional.empty());

        assertThat(result.outcome()).isEqualTo(Outcome.PASS);
        assertThat(result.summary()).isEqualTo("0 meets == 0");
    }

    @Test
    void aRefusedQueryIsAnErrorThatIsNotRetried() {
        answer(400, "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"1:5: parse error: unexpected end of input\"}");
        var spec = new dev.countdown.manifest.ProbeSpec.Prometheus(Specs.settings("p95", java.time.Duration.ofSeconds(3), 2),
                new dev.countdown.manifest.SecretString(base()), "sum(", dev.countdown.manifest.Comparison.parse("< 1").orElseThrow(),
                Map.of());

        ProbeResult result = runner.run(spec, Optional.empty());

        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.summary()).isEqualTo("Prometheus refused the query (400 bad_data: 1:5: parse error: unexpected end of input)");
        assertThat(result.attempts()).isEqualTo(1);
    }

    @Test
    void anAnswerThatIsNotJsonIsAnError() {
        server.enqueue(new MockResponse.Builder().code(502).body("<html>Bad Gateway</html>").build());

        ProbeResult result = runner.run(Specs.prometheus("p95", base(), P95, "< 0.2"), Optional.empty());

        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.summary()).isEqualTo("Prometheus answered 502 without a JSON body");
        assertThat(result.evidence().answer().orElseThrow().excerpt()).isEqualTo("<html>Bad Gateway</html>");
    }

    @Test
    void anUnreachablePrometheusIsAnError() {
        int port = TestServers.closedPort();

        ProbeResult result = runner.run(Specs.prometheus("p95", "http://127.0.0.1:" + port, P95, "< 0.2"), Optional.empty());

        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.summary()).isEqualTo("could not connect to 127.0.0.1:" + port + ": connection refused");
    }
}
