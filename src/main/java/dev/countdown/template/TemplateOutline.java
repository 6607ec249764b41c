package dev.countdown.template;

import java.util.List;

/** The readable outline {@code template lint} prints: what was read, as a person checks it. */
public final class TemplateOutline {

    private TemplateOutline() {
    }

    public static String write(ChecklistTemplate template, String file) {
        StringBuilder out = new StringBuilder();
        List<ChecklistItem> items = template.items();
        long prechecked = items.stream().filter(ChecklistItem::checked).count();
        out.append(template.title()).append('\n');
        out.append("  %d items (%d pre-checked) in %d sections, %d gates, %d approval roles%n".formatted(
                items.size(), prechecked, template.sections().size(), template.gatedSections().size(),
                template.roles().size()));
        for (Section section : template.sections()) {
            String indent = "  ".repeat(Math.max(0, section.level() - 1));
            out.append('\n').append(indent).append(section.title()).append("  {").append(section.id()).append("}\n");
            for (ChecklistItem item : section.items()) {
                String depth = item.parentId().isPresent() ? "    " : "  ";
                out.append(indent).append(depth).append(item.checked() ? "[x] " : "[ ] ").append(item.text())
                        .append("  {").append(item.id()).append("}\n");
            }
            section.gate().ifPresent(gate -> out.append(indent).append("  GATE ").append(gate.label())
                    .append(": ").append(String.join(" / ", gate.options())).append('\n'));
            if (!section.verification().isEmpty()) {
                out.append(indent).append("  (how to verify: ")
                        .append(section.verification().lines().count()).append(" lines of code kept)\n");
            }
        }
        if (!template.roles().isEmpty()) {
            out.append("\nApproval roles\n");
            template.roles().forEach(r -> out.append("  ").append(r.title()).append("  {").append(r.id()).append("}\n"));
        }
        if (!template.warnings().isEmpty()) {
            out.append("\nWarnings\n");
            template.warnings().forEach(w -> out.append("  ").append(w.format(file)).append('\n'));
        }
        return out.toString();
    }
}
