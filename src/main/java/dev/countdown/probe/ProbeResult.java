package dev.countdown.probe;

import java.util.Objects;

/**
 * What running one probe showed: the last attempt's outcome and evidence, and how many attempts
 * it took. Every text in it is redacted: no resolved secret appears in any field.
 *
 * @param name     the probe's name in the manifest
 * @param type     the probe's type: http, tls, prometheus, sql or github-actions
 * @param summary  one line for people: "200 in 41 ms", "timed out after 5s"
 * @param attempts how many attempts were made, 1 plus the retries used
 */
public record ProbeResult(String name, String type, Outcome outcome, String summary, Evidence evidence, int attempts) {

    /**
     * PASS and FAIL are answers about the target; ERROR means the probe could not get an answer to
     * judge (bad configuration, a missing secret, an unreachable host, a timeout, a tool answering
     * nonsense), so the item stays unproven rather than proven bad.
     */
    public enum Outcome {
        PASS, FAIL, ERROR
    }

    public ProbeResult {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
        Objects.requireNonNull(outcome);
        Objects.requireNonNull(summary);
        Objects.requireNonNull(evidence);
    }

    public boolean passed() {
        return outcome == Outcome.PASS;
    }
}
