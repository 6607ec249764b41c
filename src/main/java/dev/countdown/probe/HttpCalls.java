package dev.countdown.probe;

import dev.countdown.manifest.SecretString;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** What the three HTTP-speaking probes share: resolving URLs and headers, one bounded call. */
final class HttpCalls {

    /** The most of a body read to check it; a health page or an API answer is far smaller. */
    static final long MAX_BODY = 1024 * 1024;

    /** Response headers kept in evidence whatever the probe checks. */
    private static final List<String> OF_INTEREST = List.of("Content-Type", "Location", "Retry-After");

    /**
     * @param latency from sending the request to having read the body
     */
    record Answered(int code, Headers headers, String body, Duration latency) {

        Evidence.Answer evidence(List<String> headerNames, Map<String, String> facts, String excerpt) {
            Map<String, String> kept = new LinkedHashMap<>();
            for (String name : concat(OF_INTEREST, headerNames)) {
                String value = headers.get(name);
                if (value != null) {
                    kept.put(name, value);
                }
            }
            return new Evidence.Answer(OptionalInt.of(code), kept, facts, excerpt);
        }

        Evidence.Answer evidence(List<String> headerNames, Map<String, String> facts) {
            return evidence(headerNames, facts, body);
        }
    }

    private HttpCalls() {
    }

    /** The URL with its references resolved; a message naming it as written when it is not http(s). */
    static HttpUrl url(SecretString url, Function<String, String> environment) {
        HttpUrl parsed = HttpUrl.parse(url.resolve(environment).strip());
        if (parsed == null) {
            throw new ProbeConfigurationException(url.hasReferences()
                    ? "url " + Redactor.shown(url) + " is not an http:// or https:// URL once resolved"
                    : "url " + Redactor.shown(url) + " is not an http:// or https:// URL");
        }
        return parsed;
    }

    static Headers headers(Map<String, SecretString> written, Function<String, String> environment) {
        Headers.Builder headers = new Headers.Builder();
        written.forEach((name, value) -> {
            try {
                headers.add(name, value.resolve(environment));
            } catch (IllegalArgumentException e) {
                // OkHttp names the offending character; the value itself must not be shown
                throw new ProbeConfigurationException("header " + name + " has a character HTTP does not allow");
            }
        });
        return headers.build();
    }

    /** One call: no redirects followed, no silent retries, the whole exchange within {@code timeout}. */
    static Answered execute(OkHttpClient client, Request request, Duration timeout) throws IOException {
        OkHttpClient bounded = client.newBuilder()
                .callTimeout(timeout)
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .build();
        long start = System.nanoTime();
        try (Response response = bounded.newCall(request).execute()) {
            String body = response.peekBody(MAX_BODY).string();
            return new Answered(response.code(), response.headers(), body,
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** How to name the target in a message: host:port, or the URL as written when it hides a secret. */
    static String target(SecretString written, HttpUrl resolved) {
        String text = written.written();
        boolean literalScheme = text.startsWith("http://") || text.startsWith("https://");
        String authority = literalScheme ? text.substring(text.indexOf("://") + 3).split("[/?#]", 2)[0] : text;
        return authority.contains("${") ? Redactor.shown(written) : resolved.host() + ":" + resolved.port();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        java.util.ArrayList<String> all = new java.util.ArrayList<>(a);
        b.stream().filter(n -> all.stream().noneMatch(x -> x.toLowerCase(Locale.ROOT).equals(n.toLowerCase(Locale.ROOT))))
                .forEach(all::add);
        return all;
    }
}
