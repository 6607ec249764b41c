package dev.countdown.manifest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A check a manifest defines, by type. Probes run only as written here: nothing a chat user types
 * becomes part of a URL, a query or a command line.
 */
public sealed interface ProbeSpec {

    /** What every probe has: its name, how long one attempt may take, retries, how long a result stays fresh. */
    record Settings(String name, String description, Duration timeout, int retries, Optional<Duration> freshness) {
    }

    Settings settings();

    String type();

    default String name() {
        return settings().name();
    }

    /** An HTTP request and what its answer must show. */
    record Http(
            Settings settings,
            String method,
            SecretString url,
            Map<String, SecretString> headers,
            List<Integer> expectStatus,
            Optional<String> bodyContains,
            Map<String, String> jsonEquals,
            Map<String, String> headersMatch,
            Optional<Duration> maxLatency) implements ProbeSpec {

        public Http {
            headers = OrderedMaps.copyOf(headers);
            expectStatus = List.copyOf(expectStatus);
            jsonEquals = OrderedMaps.copyOf(jsonEquals);
            headersMatch = OrderedMaps.copyOf(headersMatch);
        }

        @Override
        public String type() {
            return "http";
        }
    }

    /** A TLS handshake: the chain must be valid for the host and expire no sooner than in {@code minDaysLeft}. */
    record Tls(Settings settings, String host, int port, int minDaysLeft) implements ProbeSpec {
        @Override
        public String type() {
            return "tls";
        }
    }

    /** An instant query against a Prometheus-compatible API whose value must meet a bound. */
    record Prometheus(Settings settings, SecretString url, String query, Comparison expect,
                      Map<String, SecretString> headers) implements ProbeSpec {

        public Prometheus {
            headers = OrderedMaps.copyOf(headers);
        }

        @Override
        public String type() {
            return "prometheus";
        }
    }

    /** A read-only query whose row count or first value is checked. */
    record Sql(Settings settings, SecretString url, Optional<SecretString> username, Optional<SecretString> password,
               String query, OptionalInt expectRows, Optional<String> expectValue) implements ProbeSpec {
        @Override
        public String type() {
            return "sql";
        }
    }

    /** The named workflows must have succeeded for the release's ref within {@code maxAge}. */
    record GithubActions(Settings settings, String apiUrl, String repository, String ref, List<String> workflows,
                         Duration maxAge, Optional<SecretString> token) implements ProbeSpec {

        public GithubActions {
            workflows = List.copyOf(workflows);
        }

        @Override
        public String type() {
            return "github-actions";
        }
    }
}
