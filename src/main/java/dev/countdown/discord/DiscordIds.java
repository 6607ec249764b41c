package dev.countdown.discord;

import dev.countdown.chat.ActionRef;
import java.util.Optional;

/**
 * Discord's custom ids, in one place; each at most {@value #MAX} characters. A button is a
 * {@link ActionRef} ({@code cd|r7k2m9q4x1|approve|qa-lead}), an item's button carries the state it
 * sets in front ({@code pass!cd|r7k2m9q4x1|item|canary.smoke}): a button has no value of its own.
 * A target too long for the rest is carried as a digest that the click router resolves.
 */
final class DiscordIds {

    static final int MAX = 100;
    private static final String VALUE = "!";
    /** The item select of a section part: it opens the item's form. */
    static final String MORE = "cd-more" + VALUE;
    /** The item form: a state and a note. */
    static final String FORM = "cd-form" + VALUE;
    static final String FORM_STATE = "state";
    static final String FORM_NOTE = "note";

    private DiscordIds() {
    }

    /** A button that sets {@code itemId} to {@code state}. */
    static String item(String releaseId, String itemId, String state) {
        return state + VALUE + ActionRef.item(releaseId, itemId).encodeWithin(MAX - state.length() - VALUE.length());
    }

    /** An item as an option of a section's select, and in its form's id. */
    static String itemRef(String releaseId, String itemId) {
        return ActionRef.item(releaseId, itemId).encodeWithin(MAX - FORM.length());
    }

    static String action(ActionRef ref) {
        return ref.encodeWithin(MAX);
    }

    /** What a click asks, and the value in front of it, if any. */
    record Parsed(ActionRef ref, String value) {
    }

    static Optional<Parsed> parse(String customId) {
        if (customId == null) {
            return Optional.empty();
        }
        int cut = customId.indexOf(VALUE);
        int start = customId.indexOf("cd|");
        if (cut > 0 && start > cut) {
            String value = customId.substring(0, cut);
            return ActionRef.decode(customId.substring(cut + 1)).map(ref -> new Parsed(ref, value));
        }
        return ActionRef.decode(customId).map(ref -> new Parsed(ref, null));
    }
}
