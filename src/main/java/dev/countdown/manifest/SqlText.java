package dev.countdown.manifest;

/**
 * The code of a SQL query without its string literals, quoted identifiers and comments, whose words
 * and ';' are not SQL. A scan: the regex it replaces held a repeated group, which Java's regex
 * matches by recursion ({@code 'a''b''c...'} overflowed the stack), and retried an unclosed
 * {@code /*} from every later one.
 */
final class SqlText {

    private SqlText() {
    }

    /** Each literal, quoted identifier or comment replaced by one space. */
    static String code(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        boolean blockCommentsClose = true;
        int copied = 0;
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            int end = -1;
            if (c == '\'' || c == '"') {
                end = quotedEnd(sql, i, c);
            } else if (c == '-' && sql.startsWith("--", i)) {
                int newline = sql.indexOf('\n', i + 2);
                end = newline < 0 ? sql.length() : newline;
            } else if (c == '/' && sql.startsWith("/*", i) && blockCommentsClose) {
                int close = sql.indexOf("*/", i + 2);
                // none closes this one, so none closes a later one either: never search again
                blockCommentsClose = close >= 0;
                end = close < 0 ? -1 : close + 2;
            }
            if (end < 0) {
                i++;
                continue;
            }
            out.append(sql, copied, i).append(' ');
            copied = end;
            i = end;
        }
        return out.append(sql, copied, sql.length()).toString();
    }

    /**
     * Where a literal opened at {@code start} ends, a doubled quote standing for one. Unclosed, it
     * ends at the last doubled quote's first half, or is no literal at all (as the regex read it).
     */
    private static int quotedEnd(String sql, int start, char quote) {
        int lastPair = -1;
        int from = start + 1;
        while (true) {
            int next = sql.indexOf(quote, from);
            if (next < 0) {
                return lastPair < 0 ? -1 : lastPair + 1;
            }
            if (next + 1 < sql.length() && sql.charAt(next + 1) == quote) {
                lastPair = next;
                from = next + 2;
            } else {
                return next + 1;
            }
        }
    }
}
