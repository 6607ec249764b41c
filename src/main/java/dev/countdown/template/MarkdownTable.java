package dev.countdown.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** A pipe table: its header cells and rows, each row with the line it stands on. */
record MarkdownTable(List<String> header, List<Row> rows) {

    record Row(int line, List<String> cells) {
    }

    private static final Pattern ROLE_HEADER = Pattern.compile(
            "(?i)^((sign[- ]?off|approv\\w*)\\s+)?roles?\\b.*|^approvers?$", Pattern.DOTALL);

    /** True when a table starts at {@code index}: a row with pipes followed by a separator row. */
    static boolean startsAt(List<String> lines, int index) {
        return index + 1 < lines.size() && lines.get(index).contains("|")
                && MarkdownLines.isTableSeparator(lines.get(index + 1));
    }

    /** Reads the table starting at {@code index}; {@code firstLine} is that index's line number. */
    static MarkdownTable read(List<String> lines, int index, int firstLine) {
        List<String> header = cells(lines.get(index));
        List<Row> rows = new ArrayList<>();
        for (int i = index + 2; i < lines.size() && lines.get(i).contains("|") && !lines.get(i).isBlank(); i++) {
            rows.add(new Row(firstLine + (i - index), cells(lines.get(i))));
        }
        return new MarkdownTable(header, rows);
    }

    int lineCount() {
        return rows.size() + 2;
    }

    Optional<Integer> roleColumn() {
        for (int c = 0; c < header.size(); c++) {
            if (ROLE_HEADER.matcher(InlineText.plain(header.get(c))).matches()) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    static List<String> cells(String line) {
        String body = line.strip();
        if (body.startsWith("|")) {
            body = body.substring(1);
        }
        if (body.endsWith("|") && !body.endsWith("\\|")) {
            body = body.substring(0, body.length() - 1);
        }
        List<String> cells = new ArrayList<>();
        for (String cell : body.split("(?<!\\\\)\\|", -1)) {
            cells.add(cell.replace("\\|", "|").strip());
        }
        return cells;
    }
}
