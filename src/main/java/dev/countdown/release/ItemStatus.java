package dev.countdown.release;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An item's state in a release: who set it and when, and every note on it, oldest first.
 * {@code bySystem} marks a state set from a probe's result, which a probe may change again and a
 * person may override. A note never changes who set the state.
 */
public record ItemStatus(ItemState state, ActorRef by, Instant at, List<ItemNote> notes, boolean bySystem) {

    public static final ItemStatus PENDING = new ItemStatus(ItemState.PENDING, null, null, List.of(), false);

    public ItemStatus {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** The item set to {@code next} by {@code who}, keeping every earlier note and adding {@code note} if any. */
    public ItemStatus set(ItemState next, ActorRef who, Instant when, String note, boolean system) {
        ItemStatus moved = new ItemStatus(next, who, when, notes, system);
        return note == null || note.isBlank() ? moved : moved.withNote(new ItemNote(note, who, when, next.label()));
    }

    public ItemStatus withNote(ItemNote note) {
        List<ItemNote> next = new ArrayList<>(notes);
        next.add(note);
        return new ItemStatus(state, by, at, next, bySystem);
    }

    /** The latest note's text, or empty. */
    public String lastNote() {
        return notes.isEmpty() ? "" : notes.getLast().text();
    }

    /** The notes given since the state was set: with a failure, its reason and what was added to it. */
    public List<String> notesOnState() {
        return notes.stream().filter(n -> at == null || !n.at().isBefore(at)).map(ItemNote::text).toList();
    }
}
