package dev.countdown.template;

import java.util.List;
import java.util.Optional;

/**
 * One box to tick.
 *
 * @param id       stable within the template: a slug of its section and text
 * @param text     the item without its checkbox or emphasis markup
 * @param checked  written as {@code [x]} in the template
 * @param parentId the item this one is indented under, when it is a sub-task
 * @param details  indented lines under the item that are not items themselves
 */
public record ChecklistItem(
        String id, String text, boolean checked, int line, Optional<String> parentId, List<String> details) {

    public ChecklistItem {
        details = List.copyOf(details);
    }
}
