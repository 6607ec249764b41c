package dev.countdown.release;

import dev.countdown.manifest.ReleaseManifest;
import dev.countdown.source.SourceException;
import dev.countdown.source.SourceText;
import dev.countdown.template.ChecklistTemplate;
import dev.countdown.template.Section;
import dev.countdown.template.TemplateParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A rollback ceremony's checklist: the manifest's trigger criteria and steps, then the rollback
 * template's sections. Read as one Markdown checklist, so its items get ids the way every
 * template's do. The template's gates are dropped: the decision owner's approval decides.
 */
final class RollbackChecklist {

    /** Sections worked once the rollback is done: post-mortem, status page, customer communication. */
    private static final Pattern AFTERWARD = Pattern.compile("(?i).*(post[- ]?rollback|after the rollback|close[- ]?out"
            + "|follow[- ]?up).*");
    /** "If phase 2 fails", "If Phase 2 fails: canary back to 0", "If the canary fails": the phase is what "if" names. */
    private static final Pattern CONTINGENCY = Pattern.compile("(?i)\\s*if\\s+(?:the\\s+)?(.+?)\\s+fails\\b.*");
    private static final Pattern TITLE = Pattern.compile("(?m)\\A(?:\\s*\\n)*#\\s+[^\\n]*\\n");

    private RollbackChecklist() {
    }

    static boolean isAfterward(Section section) {
        return AFTERWARD.matcher(section.title()).matches();
    }

    static ChecklistTemplate compose(ReleaseManifest manifest, String templateText) {
        return compose(manifest, templateText, Optional.empty());
    }

    /**
     * With the template's contingency sections ("If phase 2 fails") kept only for the phase that
     * {@code lastGo} names, the last one given GO: that is the phase whose change is being undone.
     * Without a known GO none is kept, since offering every phase's steps would put steps for
     * phases that never ran in front of the person rolling back.
     */
    static ChecklistTemplate compose(ReleaseManifest manifest, String templateText, Optional<String> lastGo) {
        StringBuilder md = new StringBuilder("# Rollback of ").append(manifest.service()).append("\n\n");
        list(md, "Trigger criteria (manifest)", manifest.rollback().triggers());
        list(md, "Rollback steps (manifest)", manifest.rollback().steps());
        if (templateText != null) {
            // the template's own title would become a section of its own under ours
            md.append(TITLE.matcher(templateText).replaceFirst("")).append('\n');
        } else if (manifest.rollback().steps().isEmpty()) {
            // a plan that names only its decision owner still gets a checklist to work
            list(md, "Rollback steps", List.of("Roll " + manifest.service() + " back to the last good version"));
            list(md, "Post-rollback actions", List.of("Post-mortem scheduled", "Status page and customers informed"));
        }
        try {
            ChecklistTemplate read = new TemplateParser().parse(SourceText.decode("rollback checklist",
                    md.toString().getBytes(StandardCharsets.UTF_8), "Markdown checklist"));
            List<Section> sections = read.sections().stream().filter(s -> offered(s, lastGo)).map(s -> new Section(s.id(), s.title(), s.level(), s.line(),
                    s.items(), Optional.empty(), s.verification(), s.notes())).toList();
            return new ChecklistTemplate(read.title(), sections, read.roles(), read.warnings());
        } catch (SourceException e) {
            throw new IllegalStateException("a rollback checklist does not read: " + e.getMessage(), e);
        }
    }

    static boolean offered(Section section, Optional<String> lastGo) {
        java.util.regex.Matcher contingency = CONTINGENCY.matcher(section.title());
        if (!contingency.matches()) {
            return true;
        }
        Pattern phase = Pattern.compile("(?i)(?<![\\w])" + Pattern.quote(contingency.group(1).strip()) + "(?![\\w])");
        return lastGo.filter(go -> phase.matcher(go).find()).isPresent();
    }

    private static void list(StringBuilder md, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        md.append("## ").append(title).append("\n\n");
        lines.forEach(line -> md.append("- [ ] ").append(line.replace('\n', ' ')).append('\n'));
        md.append('\n');
    }
}
