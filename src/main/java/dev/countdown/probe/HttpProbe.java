package dev.countdown.probe;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.countdown.json.Json;
import dev.countdown.manifest.Comparison;
import dev.countdown.manifest.ProbeSpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * An HTTP request and the checks its answer must pass: status, latency, body text, JSON values and
 * response headers. Every check is made, so the evidence lists all that failed, not just the first.
 */
final class HttpProbe implements Probe {

    private static final java.util.Set<String> WITH_BODY = java.util.Set.of("POST", "PUT", "PATCH");

    private final ProbeSpec.Http spec;
    private final OkHttpClient client;

    HttpProbe(ProbeSpec.Http spec, OkHttpClient client) {
        this.spec = spec;
        this.client = client;
    }

    @Override
    public Evidence.Asked asked(AttemptContext context) {
        return new Evidence.Asked(spec.method(), Redactor.shown(spec.url()), Redactor.shown(spec.headers()),
                Optional.empty());
    }

    @Override
    public Finding attempt(AttemptContext context) {
        HttpUrl url = HttpCalls.url(spec.url(), context.environment());
        Map<String, Pattern> headerPatterns = headerPatterns();
        Map<String, JsonPointer> pointers = pointers();
        Request request = new Request.Builder()
                .url(url)
                .headers(HttpCalls.headers(spec.headers(), context.environment()))
                // the manifest has no request body: a POST probe sends an empty one
                .method(spec.method(), WITH_BODY.contains(spec.method()) ? RequestBody.EMPTY : null)
                .build();
        HttpCalls.Answered answer;
        try {
            answer = HttpCalls.execute(client, request, context.timeout());
        } catch (IOException e) {
            return Unreachable.describe(e, HttpCalls.target(spec.url(), url), context.timeout());
        }

        List<String> problems = new ArrayList<>();
        if (!spec.expectStatus().contains(answer.code())) {
            problems.add("expected " + statuses());
        }
        spec.maxLatency().filter(max -> answer.latency().compareTo(max) > 0)
                .ifPresent(max -> problems.add("slower than max-latency " + Durations.human(max)));
        spec.bodyContains().filter(text -> !answer.body().contains(text))
                .ifPresent(text -> problems.add("body does not contain \"" + text + "\""));
        if (!pointers.isEmpty()) {
            problems.addAll(jsonProblems(answer.body(), pointers));
        }
        headerPatterns.forEach((name, pattern) -> headerProblem(answer, name, pattern).ifPresent(problems::add));

        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("latency", Durations.millis(answer.latency()));
        if (!problems.isEmpty()) {
            facts.put("failed", String.join("; ", problems));
        }
        Evidence.Answer evidence = answer.evidence(List.copyOf(spec.headersMatch().keySet()), facts);
        String head = answer.code() + " in " + Durations.millis(answer.latency());
        if (problems.isEmpty()) {
            return Finding.pass(head, evidence);
        }
        String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "";
        return Finding.fail(head + ", " + problems.getFirst() + more, evidence);
    }

    private List<String> jsonProblems(String body, Map<String, JsonPointer> pointers) {
        JsonNode document;
        try {
            document = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            return List.of("body is not JSON");
        }
        if (document == null) {
            return List.of("body is empty, expected JSON");
        }
        List<String> problems = new ArrayList<>();
        pointers.forEach((written, pointer) -> {
            JsonNode node = document.at(pointer);
            String expected = spec.jsonEquals().get(written);
            Optional<Comparison> bound = Comparison.parse(expected);
            if (node.isMissingNode()) {
                problems.add("no " + written + " in the body");
            } else if (bound.isPresent()) {
                Optional<BigDecimal> value = node.isNumber() ? Optional.of(node.decimalValue()) : Bounds.number(node.asText(null));
                if (value.isEmpty()) {
                    problems.add(written + " is " + node + ", not a number (need " + bound.get() + ")");
                } else if (!bound.get().test(value.get())) {
                    problems.add(written + " " + Bounds.describe(value.get(), bound.get()));
                }
            } else if (!node.isValueNode()) {
                problems.add(written + " is " + (node.isArray() ? "an array" : "an object") + ", expected \"" + expected + "\"");
            } else if (!node.asText().equals(expected)) {
                problems.add(written + " is " + node + ", expected \"" + expected + "\"");
            }
        });
        return problems;
    }

    private static Optional<String> headerProblem(HttpCalls.Answered answer, String name, Pattern pattern) {
        String value = answer.headers().get(name);
        if (value == null) {
            return Optional.of("no " + name + " header");
        }
        if (pattern != null && !pattern.matcher(value).find()) {
            return Optional.of(name + " \"" + value + "\" does not match " + pattern.pattern());
        }
        return Optional.empty();
    }

    /** Compiled before the request, so a bad pattern is a configuration error, not a failing target. */
    private Map<String, Pattern> headerPatterns() {
        Map<String, Pattern> patterns = new LinkedHashMap<>();
        spec.headersMatch().forEach((name, expected) -> {
            if (expected.strip().toLowerCase(Locale.ROOT).equals("present")) {
                patterns.put(name, null);
                return;
            }
            try {
                patterns.put(name, Pattern.compile(expected));
            } catch (PatternSyntaxException e) {
                throw new ProbeConfigurationException("expect.headers." + name + " is not a regular expression: "
                        + e.getDescription());
            }
        });
        return patterns;
    }

    private Map<String, JsonPointer> pointers() {
        Map<String, JsonPointer> pointers = new LinkedHashMap<>();
        spec.jsonEquals().keySet().stream().sorted().forEach(written -> {
            try {
                pointers.put(written, JsonPointer.compile(written));
            } catch (IllegalArgumentException e) {
                throw new ProbeConfigurationException("expect.json key " + written
                        + " is not a JSON pointer (write /status or /checks/0/state)");
            }
        });
        return pointers;
    }

    private String statuses() {
        List<Integer> codes = spec.expectStatus();
        return codes.size() == 1 ? String.valueOf(codes.getFirst())
                : String.join(" or ", codes.stream().map(String::valueOf).toList());
    }
}
