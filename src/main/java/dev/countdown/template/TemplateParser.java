package dev.countdown.template;

import dev.countdown.source.MojibakeRepair;
import dev.countdown.source.SourceException;
import dev.countdown.source.SourceProblem;
import dev.countdown.source.SourceText;
import dev.countdown.template.SectionDraft.ItemDraft;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a team's Markdown checklist as a careful person would; see docs/templates.md for the rules.
 * One pass over the lines builds section drafts; choices and ids are settled when the pass ends.
 */
public final class TemplateParser {

    public static final long MAX_BYTES = 1024 * 1024;

    /*
     * Every pattern here runs on one line of a user's file, which may be 1 MB long: none may hold a
     * repeated group (Java's regex recurses once per repetition) or quantifiers that can split one
     * run of characters in many ways. DOTALL lets '.' take U+2028 and the like, which would
     * otherwise make '.*$' fail and backtrack. The forms that needed more are in MarkdownLines.
     */
    private static final Pattern CHECKBOX = Pattern.compile(
            "^(\\s*)(?:[-*+]\\s+|\\d{1,3}[.)]\\s+)?(?:\\[([ xX✓✔])\\]|([☐⬜☑☒]))(?:\\s+(.*))?$", Pattern.DOTALL);
    private static final Pattern NUMBERED = Pattern.compile("^\\d{1,3}[.)]\\s+");
    private static final Pattern LIST_MARKER = Pattern.compile("^\\s*(?:[-*+]|\\d{1,3}[.)])\\s+");
    private static final Pattern SETEXT = Pattern.compile("^ {0,3}(=+|-+)\\s*$");
    private static final Pattern APPROVED_BY = Pattern.compile(
            "(?i)^(?:approved by|approvers|sign[- ]?off by|signed off by)\\s*:\\s*(.+)$", Pattern.DOTALL);
    private static final Pattern NAME_SEPARATOR = Pattern.compile("[,;&]");
    /** Starts only where a run of spaces starts: tried inside a long run, each start would scan the rest. */
    private static final Pattern LAST_AND = Pattern.compile("(?<!\\s)\\s+and\\s+");

    /** Reads and parses a template file. */
    public ChecklistTemplate parse(Path file) throws SourceException {
        return parse(SourceText.read(file, MAX_BYTES, "Markdown checklist"));
    }

    /**
     * Parses a text already read. A failure of the parser itself (a bug, found or not yet) is
     * reported as a problem of the line being read, so one odd file never stops the reading of others.
     */
    public ChecklistTemplate parse(SourceText source) throws SourceException {
        Run run = new Run(source);
        try {
            return run.read();
        } catch (RuntimeException | StackOverflowError e) {
            throw SourceException.unexpected(source.name(), run.reading, e);
        }
    }

    /** The state of one parse; thrown away afterwards. */
    private static final class Run {
        private final SourceText source;
        private final List<String> lines = new ArrayList<>();
        private final List<SourceProblem> warnings = new ArrayList<>();
        private final List<SourceProblem> errors = new ArrayList<>();
        private final List<SectionDraft> sections = new ArrayList<>();
        private final Map<String, ApprovalRole> roles = new LinkedHashMap<>();
        private final Deque<ItemDraft> openItems = new ArrayDeque<>();
        private String title;
        private SectionDraft root;
        private SectionDraft current;
        /** The line being read, for a failure of the parser itself. */
        private int reading = 1;

        Run(SourceText source) {
            this.source = source;
        }

        ChecklistTemplate read() throws SourceException {
            warnings.addAll(source.warnings());
            for (int i = 0; i < source.lines().size(); i++) {
                reading = i + 1;
                lines.add(repaired(source.lines().get(i), i + 1));
            }
            root = new SectionDraft(null, 1, 1);
            current = root;
            int i = skipFrontMatter();
            while (i < lines.size()) {
                reading = i + 1;
                i = readBlock(i);
            }
            if (title == null) {
                title = fileTitle();
                root = root.titled(title, 1);
                warnings.add(new SourceProblem(1, "no level-1 heading; the file name is used as the title"));
            }
            ChecklistTemplate template = build();
            if (template.items().isEmpty() && errors.isEmpty()) {
                errors.add(new SourceProblem(1,
                        "no checklist items found: expected lines such as '- [ ] Backups verified'"));
            }
            if (!errors.isEmpty()) {
                throw new SourceException(source.name(), errors);
            }
            return template;
        }

        /** Reads the construct starting at index {@code i}; returns the index after it. */
        private int readBlock(int i) {
            String line = lines.get(i);
            int number = i + 1;
            if (line.strip().startsWith("<!--")) {
                return skipComment(i);
            }
            Optional<MarkdownLines.Fence> fence = MarkdownLines.fence(line);
            if (fence.isPresent()) {
                return readFence(i, fence.get().marker(), fence.get().language());
            }
            Optional<MarkdownLines.Heading> atx = MarkdownLines.heading(line);
            if (atx.isPresent()) {
                heading(atx.get().level(), atx.get().text(), number);
                return i + 1;
            }
            if (isSetextHeading(i)) {
                heading(SETEXT.matcher(lines.get(i + 1)).replaceAll("$1").startsWith("=") ? 1 : 2, line, number);
                return i + 2;
            }
            if (MarkdownTable.startsAt(lines, i)) {
                MarkdownTable table = MarkdownTable.read(lines, i, number);
                table(table);
                return i + table.lineCount();
            }
            textLine(line, number);
            return i + 1;
        }

        private void heading(int level, String raw, int line) {
            String text = InlineText.plain(raw);
            openItems.clear();
            if (text.isEmpty()) {
                warnings.add(new SourceProblem(line, "empty heading ignored"));
                return;
            }
            if (title == null && level == 1) {
                title = text;
                root = root.titled(text, line);
                current = root;
                return;
            }
            current = new SectionDraft(text, level, line);
            sections.add(current);
        }

        private int readFence(int start, String marker, String language) {
            char fenceChar = marker.charAt(0);
            StringBuilder code = new StringBuilder();
            for (int i = start + 1; i < lines.size(); i++) {
                reading = i + 1;
                String line = lines.get(i);
                String stripped = line.strip();
                if (stripped.length() >= marker.length() && stripped.chars().allMatch(c -> c == fenceChar)) {
                    if (!code.isEmpty()) {
                        keepVerification(language, code.toString());
                    }
                    return i + 1;
                }
                if (CHECKBOX.matcher(line).matches()) {
                    textLine(line, i + 1);
                } else {
                    code.append(line).append('\n');
                }
            }
            // a marker of 100,000 backticks is named by its length, not quoted whole
            String named = marker.length() <= 10 ? marker : marker.substring(0, 3) + "… (" + marker.length() + " long)";
            errors.add(new SourceProblem(start + 1, "code fence " + named + " opened here is never closed;"
                    + " close it with a line of " + named + " so the headings and items after it are read"));
            return lines.size();
        }

        private void keepVerification(String language, String code) {
            StringBuilder verification = current.verification;
            if (!verification.isEmpty()) {
                verification.append('\n');
            }
            verification.append(language.isEmpty() ? "" : "[" + language + "]\n").append(code);
        }

        private void table(MarkdownTable table) {
            openItems.clear();
            Optional<Integer> roleColumn = table.roleColumn();
            for (MarkdownTable.Row row : table.rows()) {
                reading = row.line();
                if (roleColumn.isPresent()) {
                    int column = roleColumn.get();
                    if (column < row.cells().size()) {
                        addRole(InlineText.plain(row.cells().get(column)), row.line());
                    }
                } else {
                    tableRowItem(row);
                }
            }
        }

        /** A table used as a checklist: a row with a {@code [ ]} cell is an item named by its first text cell. */
        private void tableRowItem(MarkdownTable.Row row) {
            Optional<String> box = row.cells().stream().filter(c -> c.matches("\\[[ xX]\\]")).findFirst();
            Optional<String> text = row.cells().stream()
                    .filter(c -> !c.matches("\\[[ xX]\\]") && !InlineText.isPlaceholder(c))
                    .findFirst();
            if (box.isPresent() && text.isPresent()) {
                addItem(0, InlineText.plain(text.get()), !box.get().equals("[ ]"), row.line());
            }
        }

        private void textLine(String line, int number) {
            if (line.isBlank() || MarkdownLines.isThematicBreak(line)) {
                return;
            }
            Matcher box = CHECKBOX.matcher(line);
            boolean isBox = box.matches();
            String content = isBox
                    ? (box.group(4) == null ? "" : box.group(4).strip())
                    : LIST_MARKER.matcher(line).replaceFirst("").strip();
            Optional<Choice> choice = Choice.read(content, number);
            if (choice.isEmpty() && isBox && Choice.hasBox(content)) {
                // "- [ ] GO [ ] NO-GO": the line's own box is the first of its options
                choice = Choice.read(LIST_MARKER.matcher(line).replaceFirst("").strip(), number);
            }
            if (isBox) {
                choice = choice.filter(Choice::replacesItem);
            }
            if (choice.isPresent()) {
                openItems.clear();
                current.choices.add(choice.get());
                return;
            }
            if (isBox) {
                checkbox(box, number);
                return;
            }
            Matcher approvedBy = APPROVED_BY.matcher(InlineText.plain(content));
            if (approvedBy.matches()) {
                for (String name : roleNames(approvedBy.group(1))) {
                    addRole(name, number);
                }
                return;
            }
            int indent = indentOf(line);
            ItemDraft last = openItems.peek();
            if (last != null && indent > last.indent) {
                last.details.add(InlineText.plain(content));
                return;
            }
            if (indent == 0) {
                openItems.clear();
            }
            current.notes.add(InlineText.plain(line));
        }

        /**
         * "A, B and C" names three roles; "Research and Development Lead", without a comma, one.
         */
        private static List<String> roleNames(String list) {
            List<String> names = new ArrayList<>();
            for (String part : NAME_SEPARATOR.split(list)) {
                String name = list.contains(",") ? part.strip().replaceFirst("^and\\s+", "") : part.strip();
                names.addAll(list.contains(",") ? List.of(LAST_AND.split(name)) : List.of(name));
            }
            return names;
        }

        private void checkbox(Matcher box, int number) {
            int indent = indentOf(box.group(1));
            boolean checked = box.group(2) != null ? !box.group(2).equals(" ") : !"☐⬜".contains(box.group(3));
            String text = box.group(4) == null ? "" : NUMBERED.matcher(box.group(4).strip()).replaceFirst("");
            text = InlineText.plain(text);
            if (text.isEmpty()) {
                warnings.add(new SourceProblem(number, "checkbox without text ignored"));
                return;
            }
            addItem(indent, text, checked, number);
        }

        private void addItem(int indent, String text, boolean checked, int number) {
            while (!openItems.isEmpty() && openItems.peek().indent >= indent) {
                openItems.pop();
            }
            ItemDraft item = new ItemDraft(number, indent, text, checked, openItems.peek());
            current.items.add(item);
            openItems.push(item);
        }

        private void addRole(String title, int number) {
            String plain = InlineText.plain(title);
            if (InlineText.isPlaceholder(plain)) {
                return;
            }
            String id = Slugs.slug(plain, 40, "role");
            if (roles.containsKey(id)) {
                return;
            }
            roles.put(id, new ApprovalRole(id, plain, number));
        }

        private ChecklistTemplate build() {
            List<SectionDraft> drafts = new ArrayList<>();
            if (root.hasContent()) {
                drafts.add(root);
            }
            drafts.addAll(sections);
            Slugs sectionIds = new Slugs();
            Slugs itemIds = new Slugs();
            List<Section> built = new ArrayList<>();
            for (SectionDraft draft : drafts) {
                reading = draft.line;
                choicesFromItemRuns(draft);
                String sectionId = sectionIds.unique(Slugs.slug(Slugs.withoutEnumerator(draft.title), 24, "section"));
                List<ChecklistItem> items = new ArrayList<>();
                for (ItemDraft item : draft.items) {
                    item.id = itemIds.unique(sectionId + "." + Slugs.slug(item.text, 36, "item"));
                    items.add(new ChecklistItem(item.id, item.text, item.checked, item.line,
                            Optional.ofNullable(item.parent).map(p -> p.id), item.details));
                }
                built.add(draft.build(sectionId, items, gateOf(draft)));
            }
            warnings.sort(java.util.Comparator.comparingInt(SourceProblem::line));
            return new ChecklistTemplate(title, built, List.copyOf(roles.values()), warnings);
        }

        /** "- [ ] GO" above "- [ ] NO-GO": side-by-side decision words are one choice, not two items. */
        private void choicesFromItemRuns(SectionDraft draft) {
            List<ItemDraft> items = draft.items;
            int k = 0;
            while (k < items.size()) {
                int end = k;
                while (end < items.size() && Choice.isDecisionWord(items.get(end).text)
                        && items.get(end).parent == null
                        && (end == k || items.get(end).line - items.get(end - 1).line <= 2)) {
                    end++;
                }
                if (end - k >= 2) {
                    List<ItemDraft> run = new ArrayList<>(items.subList(k, end));
                    draft.choices.add(new Choice("", run.stream().map(d -> d.text).toList(), run.getFirst().line));
                    items.subList(k, end).clear();
                } else {
                    k++;
                }
            }
            draft.choices.sort(java.util.Comparator.comparingInt(Choice::line));
        }

        private Optional<Gate> gateOf(SectionDraft draft) {
            Gate gate = null;
            for (Choice choice : draft.choices) {
                if (!choice.isGate()) {
                    warnings.add(new SourceProblem(choice.line(), "the choice " + choice.describe()
                            + " is not an item and not a GO/NO-GO gate; it is left out of the ceremony"));
                } else if (gate != null) {
                    warnings.add(new SourceProblem(choice.line(), "section '" + draft.title
                            + "' already has a gate at line " + gate.line() + "; this second one is ignored"));
                } else {
                    gate = new Gate(gateLabel(choice, draft), choice.options(), choice.line());
                }
            }
            return Optional.ofNullable(gate);
        }

        private static String gateLabel(Choice choice, SectionDraft draft) {
            String label = choice.label();
            boolean generic = label.isEmpty()
                    || List.of("status", "decision", "result", "outcome").contains(label.toLowerCase(Locale.ROOT));
            return generic ? draft.gateName() : label;
        }

        private boolean isSetextHeading(int i) {
            if (i + 1 >= lines.size() || !SETEXT.matcher(lines.get(i + 1)).matches()) {
                return false;
            }
            String line = lines.get(i);
            boolean previousBlank = i == 0 || lines.get(i - 1).isBlank();
            return previousBlank && !line.isBlank() && indentOf(line) < 4
                    && !LIST_MARKER.matcher(line).find() && !line.contains("|");
        }

        private int skipComment(int start) {
            for (int i = start; i < lines.size(); i++) {
                if (lines.get(i).contains("-->")) {
                    return i + 1;
                }
            }
            warnings.add(new SourceProblem(start + 1, "HTML comment opened here is never closed; the rest is ignored"));
            return lines.size();
        }

        private int skipFrontMatter() {
            if (lines.isEmpty() || !lines.getFirst().strip().equals("---")) {
                return 0;
            }
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).strip().equals("---")) {
                    return i + 1;
                }
            }
            return 0;
        }

        private String repaired(String line, int number) {
            MojibakeRepair.Result result = MojibakeRepair.repair(line);
            if (!result.repairs().isEmpty()) {
                warnings.add(new SourceProblem(number, "repaired mis-decoded text: "
                        + String.join(", ", result.repairs())));
            }
            if (result.ambiguous()) {
                warnings.add(new SourceProblem(number,
                        "text looks mis-decoded but could be repaired in more than one way; left as written"));
            }
            return result.text();
        }

        /** The file's name without folder and extension; not by Path, which refuses some names a snapshot may hold. */
        private String fileTitle() {
            String name = source.name().substring(Math.max(source.name().lastIndexOf('/'), source.name().lastIndexOf('\\')) + 1);
            int dot = name.lastIndexOf('.');
            return (dot > 0 ? name.substring(0, dot) : name).replaceAll("[-_]+", " ").strip();
        }

        private static int indentOf(String line) {
            int width = 0;
            for (int k = 0; k < line.length(); k++) {
                char c = line.charAt(k);
                if (c == ' ') {
                    width++;
                } else if (c == '\t') {
                    width += 4;
                } else {
                    break;
                }
            }
            return width;
        }
    }
}
