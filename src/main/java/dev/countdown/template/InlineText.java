package dev.countdown.template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown inline text as a person reads it: emphasis markers and HTML comments dropped, code spans
 * kept. Each construct is found by one forward scan: the regular expressions this replaced
 * ({@code (`+).+?\1}, {@code <!--.*?-->}, a lazy emphasis) retried from every opening mark and
 * took minutes on one long line of backticks or {@code <!--}.
 */
final class InlineText {

    /** Stands for a code span while emphasis is removed; U+FFFF is a noncharacter, taken out of the user's text. */
    private static final char MARK = '\uFFFF';
    private static final Pattern CODE_SPAN_MARK = Pattern.compile(MARK + "(\\d{1,9})" + MARK);
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private InlineText() {
    }

    static String plain(String markdown) {
        // code spans are set aside first, so that "`__init__.py`" keeps its underscores
        List<String> spans = new ArrayList<>();
        String text = withoutComments(setAsideCodeSpans(markdown.replace(MARK, '\uFFFD'), spans));
        text = withoutStrong(text);
        text = withoutEmphasis(text);
        text = CODE_SPAN_MARK.matcher(text)
                .replaceAll(mark -> Matcher.quoteReplacement(spans.get(Integer.parseInt(mark.group(1)))));
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    /** True for fill-in-the-blank placeholders such as {@code ________}. */
    static boolean isPlaceholder(String text) {
        return text.isBlank() || text.chars().allMatch(c -> c == '_' || c == '-' || c == ' ' || c == '.');
    }

    /**
     * A run of backticks opens a code span that the next run of the same length closes; a run
     * that no later run matches is literal text (CommonMark's rule).
     */
    private static String setAsideCodeSpans(String text, List<String> spans) {
        List<int[]> runs = new ArrayList<>();
        for (int i = 0; i < text.length(); ) {
            int end = i;
            while (end < text.length() && text.charAt(end) == '`') {
                end++;
            }
            if (end > i) {
                runs.add(new int[] {i, end});
            }
            i = Math.max(end, i + 1);
        }
        int[] next = new int[runs.size()];
        Map<Integer, Integer> laterOfLength = new HashMap<>();
        for (int r = runs.size() - 1; r >= 0; r--) {
            int length = runs.get(r)[1] - runs.get(r)[0];
            next[r] = laterOfLength.getOrDefault(length, -1);
            laterOfLength.put(length, r);
        }
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (int r = 0; r < runs.size(); r++) {
            if (next[r] < 0) {
                continue;
            }
            int start = runs.get(r)[0];
            int end = runs.get(next[r])[1];
            out.append(text, copied, start).append(MARK).append(spans.size()).append(MARK);
            spans.add(text.substring(start, end));
            copied = end;
            r = next[r];
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** {@code <!-- ... -->} removed; an unclosed one is left as written. */
    private static String withoutComments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (int open = text.indexOf("<!--"); open >= 0; open = text.indexOf("<!--", copied)) {
            int close = text.indexOf("-->", open + 4);
            if (close < 0) {
                break;
            }
            out.append(text, copied, open);
            copied = close + 3;
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** {@code **strong**} and {@code __strong__}: the delimiters dropped, the text kept. */
    private static String withoutStrong(String text) {
        StringBuilder out = new StringBuilder(text.length());
        // where the next "**" and "__" start at or after a position, remembered: each is searched once
        int[] next = {-2, -2};
        int copied = 0;
        int i = 0;
        while (i + 1 < text.length()) {
            char c = text.charAt(i);
            int kind = c == '*' ? 0 : c == '_' ? 1 : -1;
            if (kind < 0 || text.charAt(i + 1) != c) {
                i++;
                continue;
            }
            String delimiter = kind == 0 ? "**" : "__";
            if (next[kind] != -1 && next[kind] < i + 3) {
                next[kind] = text.indexOf(delimiter, i + 3);
            }
            if (next[kind] < 0) {
                i++;
                continue;
            }
            int close = next[kind];
            out.append(text, copied, i).append(text, i + 2, close);
            copied = close + 2;
            i = copied;
        }
        return out.append(text, copied, text.length()).toString();
    }

    /**
     * {@code *all*} and {@code _all_}, but not snake_case words or the lone {@code *} of
     * {@code 5 * 3}: an opening mark follows no word character or '*' and precedes text; a closing
     * one follows text and precedes no word character or '*'.
     */
    private static String withoutEmphasis(String text) {
        int[] nextCloser = {-2, -2};
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int kind = c == '*' ? 0 : c == '_' ? 1 : -1;
            if (kind < 0 || !opens(text, i)) {
                i++;
                continue;
            }
            if (nextCloser[kind] != -1 && nextCloser[kind] < i + 2) {
                nextCloser[kind] = closerFrom(text, c, i + 2);
            }
            if (nextCloser[kind] < 0) {
                i++;
                continue;
            }
            int close = nextCloser[kind];
            out.append(text, copied, i).append(text, i + 1, close);
            copied = close + 1;
            i = copied;
        }
        return out.append(text, copied, text.length()).toString();
    }

    private static boolean opens(String text, int i) {
        boolean afterWord = i > 0 && (isWord(text.charAt(i - 1)) || text.charAt(i - 1) == '*');
        return !afterWord && i + 1 < text.length() && !isSpaceOrMark(text.charAt(i + 1));
    }

    private static int closerFrom(String text, char mark, int from) {
        for (int j = from; j < text.length(); j++) {
            if (text.charAt(j) == mark && !isSpaceOrMark(text.charAt(j - 1))
                    && (j + 1 == text.length() || !isWord(text.charAt(j + 1)) && text.charAt(j + 1) != '*')) {
                return j;
            }
        }
        return -1;
    }

    private static boolean isSpaceOrMark(char c) {
        return MarkdownLines.isSpace(c) || c == '*' || c == '_';
    }

    /** What {@code \w} matches in Java's regex: ASCII letters, digits and '_'. */
    private static boolean isWord(char c) {
        return c < 0x80 && (Character.isLetterOrDigit(c) || c == '_');
    }
}
