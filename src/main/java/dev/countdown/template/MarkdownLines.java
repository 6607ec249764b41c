package dev.countdown.template;

import java.util.Optional;

/**
 * The line forms of Markdown whose regular expressions went wrong on one long line: a repeated
 * group in Java's regex recurses once per repetition (a 2,000-character {@code ---} line overflowed
 * the stack), and nested quantifiers backtrack in cubic time. Each is a single scan here.
 */
final class MarkdownLines {

    /** An ATX heading: {@code ## Title ##}. */
    record Heading(int level, String text) {
    }

    /** The opening line of a code fence: its marker ({@code ```}, {@code ~~~~}) and language word. */
    record Fence(String marker, String language) {
    }

    private MarkdownLines() {
    }

    /** {@code ---}, {@code * * *}, {@code ___}: three or more of one mark, spaces between. */
    static boolean isThematicBreak(String line) {
        int i = leadingSpaces(line, 3);
        if (i >= line.length() || "-*_".indexOf(line.charAt(i)) < 0) {
            return false;
        }
        char mark = line.charAt(i);
        int marks = 0;
        for (; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == mark) {
                marks++;
            } else if (!isSpace(c)) {
                return false;
            }
        }
        return marks >= 3;
    }

    /** Up to three spaces, one to six '#', then the end or a space; a closing run of '#' is dropped. */
    static Optional<Heading> heading(String line) {
        int start = leadingSpaces(line, 3);
        int hashes = start;
        while (hashes < line.length() && line.charAt(hashes) == '#') {
            hashes++;
        }
        int level = hashes - start;
        if (level < 1 || level > 6 || hashes < line.length() && !isBlank(line.charAt(hashes))) {
            return Optional.empty();
        }
        int end = trimEnd(line, hashes);
        int closing = end;
        while (closing > hashes && line.charAt(closing - 1) == '#') {
            closing--;
        }
        if (closing < end && closing > hashes && isBlank(line.charAt(closing - 1))) {
            end = trimEnd(line.substring(0, closing), hashes);
        }
        int textStart = hashes;
        while (textStart < end && isBlank(line.charAt(textStart))) {
            textStart++;
        }
        return Optional.of(new Heading(level, line.substring(textStart, end)));
    }

    /** Three or more backticks or tildes after any indentation, then an optional language word. */
    static Optional<Fence> fence(String line) {
        int i = 0;
        while (i < line.length() && isSpace(line.charAt(i))) {
            i++;
        }
        if (i >= line.length() || line.charAt(i) != '`' && line.charAt(i) != '~') {
            return Optional.empty();
        }
        char mark = line.charAt(i);
        int markerEnd = i;
        while (markerEnd < line.length() && line.charAt(markerEnd) == mark) {
            markerEnd++;
        }
        if (markerEnd - i < 3) {
            return Optional.empty();
        }
        int language = markerEnd;
        while (language < line.length() && isSpace(line.charAt(language))) {
            language++;
        }
        int languageEnd = language;
        while (languageEnd < line.length() && line.charAt(languageEnd) != '`' && !isSpace(line.charAt(languageEnd))) {
            languageEnd++;
        }
        return Optional.of(new Fence(line.substring(i, markerEnd), line.substring(language, languageEnd)));
    }

    /** A table's separator row: {@code |---|:--:|}, cells of two or more '-' with optional ':' ends. */
    static boolean isTableSeparator(String line) {
        int start = 0;
        int end = line.length();
        while (start < end && isSpace(line.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(line.charAt(end - 1))) {
            end--;
        }
        if (start < end && line.charAt(start) == '|') {
            start++;
        }
        if (end > start && line.charAt(end - 1) == '|') {
            end--;
        }
        int cellStart = start;
        for (int i = start; i <= end; i++) {
            if (i == end || line.charAt(i) == '|') {
                if (!isSeparatorCell(line, cellStart, i)) {
                    return false;
                }
                cellStart = i + 1;
            }
        }
        return true;
    }

    private static boolean isSeparatorCell(String line, int start, int end) {
        while (start < end && isSpace(line.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(line.charAt(end - 1))) {
            end--;
        }
        if (start < end && line.charAt(start) == ':') {
            start++;
        }
        if (end > start && line.charAt(end - 1) == ':') {
            end--;
        }
        for (int i = start; i < end; i++) {
            if (line.charAt(i) != '-') {
                return false;
            }
        }
        return end - start >= 2;
    }

    private static int leadingSpaces(String line, int max) {
        int i = 0;
        while (i < max && i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static int trimEnd(String line, int floor) {
        int end = line.length();
        while (end > floor && isBlank(line.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /** A space or tab, what separates a heading's marks from its text. */
    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** What {@code \s} matches in Java's regex: ASCII whitespace only. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}
