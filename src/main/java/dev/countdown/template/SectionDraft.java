package dev.countdown.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A section while the parser is still reading it. */
final class SectionDraft {

    static final class ItemDraft {
        final int line;
        final int indent;
        final String text;
        final boolean checked;
        final ItemDraft parent;
        final List<String> details = new ArrayList<>();
        String id;

        ItemDraft(int line, int indent, String text, boolean checked, ItemDraft parent) {
            this.line = line;
            this.indent = indent;
            this.text = text;
            this.checked = checked;
            this.parent = parent;
        }
    }

    final String title;
    final int level;
    final int line;
    final List<ItemDraft> items = new ArrayList<>();
    final List<Choice> choices = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final StringBuilder verification = new StringBuilder();

    SectionDraft(String title, int level, int line) {
        this.title = title;
        this.level = level;
        this.line = line;
    }

    /**
     * The draft of the text above any heading, named once the title is known: items written above
     * the first level-1 heading, or in a file without one, stay items, under the checklist's title.
     */
    SectionDraft titled(String newTitle, int newLine) {
        SectionDraft titled = new SectionDraft(newTitle, level, newLine);
        titled.items.addAll(items);
        titled.choices.addAll(choices);
        titled.notes.addAll(notes);
        titled.verification.append(verification);
        return titled;
    }

    boolean hasContent() {
        return !items.isEmpty() || !choices.isEmpty();
    }

    /** The fall-back name of a gate whose line gives no label of its own. */
    String gateName() {
        return Slugs.withoutEnumerator(title);
    }

    Section build(String id, List<ChecklistItem> builtItems, Optional<Gate> gate) {
        return new Section(id, title, level, line, builtItems, gate, verification.toString().stripTrailing(), notes);
    }
}
