package dev.countdown.probe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countdown.json.Json;
import dev.countdown.manifest.ProbeSpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * An instant query against the Prometheus HTTP API ({@code GET /api/v1/query}); the value of the
 * first series must meet the manifest's bound. A query that finds no series fails saying so: no
 * data is not a green light.
 */
final class PrometheusProbe implements Probe {

    private final ProbeSpec.Prometheus spec;
    private final OkHttpClient client;

    PrometheusProbe(ProbeSpec.Prometheus spec, OkHttpClient client) {
        this.spec = spec;
        this.client = client;
    }

    @Override
    public Evidence.Asked asked(AttemptContext context) {
        return new Evidence.Asked("GET", Redactor.shown(spec.url()).replaceAll("/+$", "") + "/api/v1/query",
                Redactor.shown(spec.headers()), Optional.of(spec.query()));
    }

    @Override
    public Finding attempt(AttemptContext context) {
        HttpUrl base = HttpCalls.url(spec.url(), context.environment());
        HttpUrl url = base.newBuilder()
                .addPathSegments("api/v1/query")
                .addQueryParameter("query", spec.query())
                .build();
        Request request = new Request.Builder().url(url)
                .headers(HttpCalls.headers(spec.headers(), context.environment()))
                .header("Accept", "application/json")
                .build();
        HttpCalls.Answered answer;
        try {
            answer = HttpCalls.execute(client, request, context.timeout());
        } catch (IOException e) {
            return Unreachable.describe(e, HttpCalls.target(spec.url(), base), context.timeout());
        }
        JsonNode document;
        try {
            document = Json.MAPPER.readTree(answer.body());
        } catch (IOException e) {
            document = null;
        }
        if (document == null || !document.isObject()) {
            return Finding.error("Prometheus answered " + answer.code() + " without a JSON body", answer.evidence(List.of(), Map.of()));
        }
        if (!"success".equals(document.path("status").asText()) || answer.code() / 100 != 2) {
            String why = document.path("errorType").asText("") + ": " + document.path("error").asText("no error given");
            // 400 and 422 are the query's fault and will not pass on a retry; 503 and the like may
            return new Finding(ProbeResult.Outcome.ERROR,
                    "Prometheus refused the query (" + answer.code() + " " + why.replaceFirst("^: ", "") + ")",
                    Optional.of(answer.evidence(List.of(), Map.of())), answer.code() != 400 && answer.code() != 422);
        }
        return judge(document.path("data"), answer);
    }

    private Finding judge(JsonNode data, HttpCalls.Answered answer) {
        String type = data.path("resultType").asText();
        JsonNode result = data.path("result");
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("result-type", type);
        JsonNode sample;
        switch (type) {
            case "vector" -> {
                facts.put("series", String.valueOf(result.size()));
                if (result.isEmpty()) {
                    return Finding.fail("the query returned no series (empty result), so nothing meets " + spec.expect(),
                            answer.evidence(List.of(), facts));
                }
                facts.put("metric", result.get(0).path("metric").toString());
                sample = result.get(0).path("value");
            }
            case "scalar" -> sample = result;
            default -> {
                return Finding.error("Prometheus answered a " + (type.isEmpty() ? "result without a type" : type)
                        + "; an instant query returning a vector or a scalar is expected", answer.evidence(List.of(), facts));
            }
        }
        String text = sample.path(1).asText(null);
        if (text == null) {
            return Finding.error("Prometheus answered no value for the first series", answer.evidence(List.of(), facts));
        }
        facts.put("value", text);
        Optional<BigDecimal> value = Bounds.number(text);
        if (value.isEmpty()) {
            // histogram_quantile over no traffic gives NaN: that is no evidence of meeting a bound
            return Finding.fail("the value is " + text + ", not a number; need " + spec.expect(),
                    answer.evidence(List.of(), facts));
        }
        Evidence.Answer evidence = answer.evidence(List.of(), facts);
        String summary = Bounds.describe(value.get(), spec.expect());
        return spec.expect().test(value.get()) ? Finding.pass(summary, evidence) : Finding.fail(summary, evidence);
    }
}
