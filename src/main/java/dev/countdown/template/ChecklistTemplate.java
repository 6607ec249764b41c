package dev.countdown.template;

import dev.countdown.source.SourceProblem;
import java.util.List;
import java.util.Optional;

/**
 * A checklist as Countdown read it from a team's Markdown: the shape of a ceremony.
 *
 * @param title    the first level-1 heading (or the file's name when there is none)
 * @param sections every heading below the title, in document order, nesting kept by level
 * @param roles    the approval roles found in sign-off tables and "Approved by:" lines
 * @param warnings what a reader should check: repaired text, skipped lines, duplicates
 */
public record ChecklistTemplate(
        String title, List<Section> sections, List<ApprovalRole> roles, List<SourceProblem> warnings) {

    public ChecklistTemplate {
        sections = List.copyOf(sections);
        roles = List.copyOf(roles);
        warnings = List.copyOf(warnings);
    }

    public List<ChecklistItem> items() {
        return sections.stream().flatMap(s -> s.items().stream()).toList();
    }

    public Optional<ChecklistItem> item(String id) {
        return items().stream().filter(i -> i.id().equals(id)).findFirst();
    }

    public List<Section> gatedSections() {
        return sections.stream().filter(s -> s.gate().isPresent()).toList();
    }
}
