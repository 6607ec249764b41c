package dev.countdown.release;

import java.time.Instant;

/** An abort criterion that fired while the release was watched: a rollback is recommended. */
public record Alert(String probe, String summary, Instant at) {
}
