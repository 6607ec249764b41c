package dev.countdown.release;

import java.time.Instant;

/**
 * An item's state in a release: who set it, when, with which note. {@code bySystem} marks a state
 * set from a probe's result, which a probe may change again and a person may override.
 */
public record ItemStatus(ItemState state, ActorRef by, Instant at, String note, boolean bySystem) {

    public static final ItemStatus PENDING = new ItemStatus(ItemState.PENDING, null, null, "", false);

    public ItemStatus {
        note = note == null ? "" : note;
    }

    public ItemStatus withNote(String newNote, ActorRef who, Instant when) {
        return new ItemStatus(state, who, when, newNote, bySystem);
    }
}
