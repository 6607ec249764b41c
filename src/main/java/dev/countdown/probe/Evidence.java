package dev.countdown.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a probe's last attempt asked and what came back, kept so a person can check the verdict
 * later. What was asked is shown as written in the manifest ({@code ${ENV}} references, never
 * their values); what came back is bounded and has every secret value replaced.
 *
 * @param asked    the request as written
 * @param answer   what came back; empty when nothing did (refused connection, timeout, bad configuration)
 * @param duration how long the attempt took
 */
public record Evidence(Asked asked, Optional<Answer> answer, Duration duration, Instant startedAt, Instant finishedAt) {

    /**
     * @param action  "GET", "TLS handshake", "SQL query"…
     * @param target  the URL, host:port or JDBC URL as written, with literal passwords masked
     * @param headers request headers as written; literal values of secret-looking headers masked
     * @param query   the PromQL or SQL text, when there is one
     */
    public record Asked(String action, String target, Map<String, String> headers, Optional<String> query) {
        public Asked {
            headers = Map.copyOf(headers);
        }
    }

    /**
     * @param status  the HTTP status, when the answer was HTTP
     * @param headers response headers of interest (the ones checked, Content-Type, Location…)
     * @param facts   what the probe read from the answer: a certificate's subject and expiry, a
     *                query's value, a workflow's conclusion…
     * @param excerpt the body or a rendering of what was read; {@link #cut()} bounds it to {@link Excerpt#MAX_BYTES} bytes
     */
    public record Answer(OptionalInt status, Map<String, String> headers, Map<String, String> facts, String excerpt) {
        public Answer {
            headers = Map.copyOf(headers);
            facts = Map.copyOf(facts);
        }

        /** The answer with its excerpt cut to size: only once secrets are redacted, or one cut in two would leak its start. */
        public Answer cut() {
            return new Answer(status, headers, facts, Excerpt.of(excerpt));
        }
    }
}
