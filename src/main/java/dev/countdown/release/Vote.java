package dev.countdown.release;

import java.time.Instant;

/** One owner's approval or rejection of a role; a later vote by the same person replaces it. */
public record Vote(ActorRef by, boolean approve, Instant at, String note) {

    public Vote {
        note = note == null ? "" : note;
    }
}
