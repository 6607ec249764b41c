package dev.countdown.template;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Markdown inline text as a person reads it: emphasis markers and HTML comments dropped, code spans kept. */
final class InlineText {

    private static final Pattern CODE_SPAN = Pattern.compile("(`+).+?\\1");
    /** Stands for a code span while emphasis is removed; U+FFFF is a noncharacter, never in a user's text. */
    private static final Pattern CODE_SPAN_MARK = Pattern.compile("\uFFFF(\\d+)\uFFFF");
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->");
    private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(.+?)\\1");
    /** {@code *all*} and {@code _all_}, but not snake_case words or the lone {@code *} of {@code 5 * 3}. */
    private static final Pattern EMPHASIS = Pattern.compile("(?<![\\w*])([*_])(?![\\s*_])(.+?)(?<![\\s*_])\\1(?![\\w*])");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private InlineText() {
    }

    static String plain(String markdown) {
        // code spans are set aside first, so that "`__init__.py`" keeps its underscores
        List<String> spans = new ArrayList<>();
        String text = CODE_SPAN.matcher(markdown).replaceAll(span -> {
            spans.add(span.group());
            return "\uFFFF" + (spans.size() - 1) + "\uFFFF";
        });
        text = COMMENT.matcher(text).replaceAll("");
        text = STRONG.matcher(text).replaceAll("$2");
        text = EMPHASIS.matcher(text).replaceAll("$2");
        text = CODE_SPAN_MARK.matcher(text)
                .replaceAll(mark -> Matcher.quoteReplacement(spans.get(Integer.parseInt(mark.group(1)))));
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    /** True for fill-in-the-blank placeholders such as {@code ________}. */
    static boolean isPlaceholder(String text) {
        return text.isBlank() || text.chars().allMatch(c -> c == '_' || c == '-' || c == ' ' || c == '.');
    }
}
