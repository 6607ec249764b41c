package dev.countdown.probe;

import dev.countdown.manifest.Comparison;
import dev.countdown.manifest.ProbeSpec;
import dev.countdown.manifest.SecretString;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Probe specs as the manifest reader would make them, with short timeouts for tests. */
final class Specs {

    private Specs() {
    }

    static ProbeSpec.Settings settings(String name, Duration timeout, int retries) {
        return new ProbeSpec.Settings(name, "", timeout, retries, Optional.empty());
    }

    static ProbeSpec.Settings settings(String name) {
        return settings(name, Duration.ofSeconds(3), 0);
    }

    static ProbeSpec.Http http(String name, String url) {
        return new ProbeSpec.Http(settings(name), "GET", new SecretString(url), Map.of(), List.of(200), Optional.empty(),
                Map.of(), Map.of(), Optional.empty());
    }

    static ProbeSpec.Http http(ProbeSpec.Settings settings, String url, Map<String, String> headers,
                               Map<String, String> json, Map<String, String> expectHeaders) {
        return new ProbeSpec.Http(settings, "GET", new SecretString(url), secrets(headers), List.of(200), Optional.empty(),
                json, expectHeaders, Optional.empty());
    }

    static ProbeSpec.Tls tls(String name, String host, int port, int minDaysLeft) {
        return new ProbeSpec.Tls(settings(name), host, port, minDaysLeft);
    }

    static ProbeSpec.Prometheus prometheus(String name, String url, String query, String bound) {
        return new ProbeSpec.Prometheus(settings(name), new SecretString(url), query, Comparison.parse(bound).orElseThrow(),
                Map.of());
    }

    static ProbeSpec.Sql sql(String name, String url, String query, OptionalInt rows, Optional<String> value) {
        return new ProbeSpec.Sql(settings(name), new SecretString(url), Optional.empty(), Optional.empty(), query, rows, value);
    }

    static ProbeSpec.GithubActions github(String name, String apiUrl, String ref, List<String> workflows,
                                          Optional<String> token) {
        return new ProbeSpec.GithubActions(settings(name), apiUrl, "acme/portal-api", ref, workflows, Duration.ofHours(24),
                token.map(SecretString::new));
    }

    static Map<String, SecretString> secrets(Map<String, String> written) {
        return written.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> new SecretString(e.getValue())));
    }
}
