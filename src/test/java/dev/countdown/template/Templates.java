package dev.countdown.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.source.SourceException;
import dev.countdown.source.SourceText;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Parses checklists held in memory, as the parser reads them from a file. */
final class Templates {

    private Templates() {
    }

    static ChecklistTemplate parse(String markdown) throws SourceException {
        return parse("checklist.md", markdown);
    }

    static ChecklistTemplate parse(String fileName, String markdown) throws SourceException {
        return parseBytes(fileName, markdown.getBytes(StandardCharsets.UTF_8));
    }

    static ChecklistTemplate parseBytes(String fileName, byte[] bytes) throws SourceException {
        return new TemplateParser().parse(SourceText.decode(fileName, bytes, "Markdown checklist"));
    }

    static Section section(ChecklistTemplate template, String title) {
        List<Section> matching = template.sections().stream().filter(s -> s.title().equals(title)).toList();
        assertThat(matching).as("sections titled '%s' in %s", title, sectionTitles(template)).hasSize(1);
        return matching.getFirst();
    }

    static List<String> sectionTitles(ChecklistTemplate template) {
        return template.sections().stream().map(Section::title).toList();
    }

    static List<String> itemTexts(ChecklistTemplate template) {
        return template.items().stream().map(ChecklistItem::text).toList();
    }

    static ChecklistItem item(ChecklistTemplate template, String text) {
        List<ChecklistItem> matching = template.items().stream().filter(i -> i.text().equals(text)).toList();
        assertThat(matching).as("items '%s' in %s", text, itemTexts(template)).hasSize(1);
        return matching.getFirst();
    }

    static List<String> warningsAt(ChecklistTemplate template, int line) {
        return template.warnings().stream().filter(w -> w.line() == line).map(w -> w.message()).toList();
    }
}
