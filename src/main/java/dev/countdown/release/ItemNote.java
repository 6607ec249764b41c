package dev.countdown.release;

import java.time.Instant;

/**
 * A note on a checklist item, with its own author and time: notes accumulate and never change who
 * set the item's state.
 *
 * @param state the state label the note was given with ({@code fail} for a failure reason), or
 *              empty for a note added on its own
 */
public record ItemNote(String text, ActorRef by, Instant at, String state) {

    public ItemNote {
        text = text == null ? "" : text;
        state = state == null ? "" : state;
    }
}
