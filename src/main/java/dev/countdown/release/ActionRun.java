package dev.countdown.release;

import java.time.Instant;
import java.util.Locale;

/**
 * The run of a rollback's action: asked for in the transaction of the approval that allows it,
 * claimed by one runner, then finished, failed or, when its runner died while it was in flight,
 * unknown until a person confirms or retries it. Nothing moves it from running or unknown back to
 * requested but a person's retry.
 *
 * @param attempt 1 for the first run; a retry is the next
 * @param key     the Idempotency-Key (and GitHub run id) sent with the call: a retry of an unknown
 *                run keeps its key, so the deploy system can tell it is the same rollback
 */
public record ActionRun(int attempt, String type, State state, String key, Instant requestedAt, Instant updatedAt,
                        String summary) {

    public enum State {
        /** Approved; waiting for a runner. */
        REQUESTED,
        /** A runner claimed it and is calling the deploy system. */
        RUNNING,
        SUCCEEDED,
        FAILED,
        /** Its runner stopped while it was in flight: it may or may not have happened. */
        UNKNOWN,
        /** People did the steps, or a person confirmed the rollback happened. */
        CONFIRMED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The rollback happened. */
        public boolean done() {
            return this == SUCCEEDED || this == CONFIRMED;
        }

        /** A person may confirm it or ask for it again. */
        public boolean awaitsPerson() {
            return this == FAILED || this == UNKNOWN;
        }
    }

    public ActionRun {
        summary = summary == null ? "" : summary;
    }

    public ActionRun with(State next, Instant at, String newSummary) {
        return new ActionRun(attempt, type, next, key, requestedAt, at, newSummary);
    }
}
