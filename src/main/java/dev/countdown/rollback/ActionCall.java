package dev.countdown.rollback;

/**
 * How a call to the deploy system ended, as evidence: what was sent and what came back, secrets
 * already redacted. {@code unknown}: the request may have reached it (a timeout, a reset), so
 * only a person may decide whether it happened.
 */
record ActionCall(Outcome outcome, String summary, String evidence) {

    enum Outcome { SUCCEEDED, FAILED, UNKNOWN }
}
