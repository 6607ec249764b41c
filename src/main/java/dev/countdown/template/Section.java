package dev.countdown.template;

import java.util.List;
import java.util.Optional;

/**
 * A heading of the checklist and what stands under it up to the next heading.
 *
 * @param verification the fenced code kept under the section: how a person verifies it by hand
 * @param notes        text lines that are neither items nor choices (examples, context)
 */
public record Section(
        String id,
        String title,
        int level,
        int line,
        List<ChecklistItem> items,
        Optional<Gate> gate,
        String verification,
        List<String> notes) {

    public Section {
        items = List.copyOf(items);
        notes = List.copyOf(notes);
    }
}
