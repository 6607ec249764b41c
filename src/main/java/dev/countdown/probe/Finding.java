package dev.countdown.probe;

import dev.countdown.probe.ProbeResult.Outcome;
import java.util.Optional;

/**
 * What one attempt concluded, before the runner adds timing and redaction.
 *
 * @param retryable false when another attempt cannot help (bad configuration, a missing secret)
 */
record Finding(Outcome outcome, String summary, Optional<Evidence.Answer> answer, boolean retryable) {

    static Finding pass(String summary, Evidence.Answer answer) {
        return new Finding(Outcome.PASS, summary, Optional.of(answer), false);
    }

    static Finding fail(String summary, Evidence.Answer answer) {
        return new Finding(Outcome.FAIL, summary, Optional.ofNullable(answer), true);
    }

    /** The target or the tool could not be asked, or answered something that cannot be judged. */
    static Finding error(String summary) {
        return new Finding(Outcome.ERROR, summary, Optional.empty(), true);
    }

    static Finding error(String summary, Evidence.Answer answer) {
        return new Finding(Outcome.ERROR, summary, Optional.ofNullable(answer), true);
    }

    /** The manifest or the environment is wrong: retrying cannot help. */
    static Finding misconfigured(String summary) {
        return new Finding(Outcome.ERROR, summary, Optional.empty(), false);
    }
}
