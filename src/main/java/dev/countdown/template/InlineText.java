package dev.countdown.template;

import java.util.regex.Pattern;

/** Markdown inline text as a person reads it: emphasis markers dropped, code spans kept. */
final class InlineText {

    private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(.+?)\\1");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private InlineText() {
    }

    static String plain(String markdown) {
        String text = STRONG.matcher(markdown).replaceAll("$2");
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    /** True for fill-in-the-blank placeholders such as {@code ________}. */
    static boolean isPlaceholder(String text) {
        return text.isBlank() || text.chars().allMatch(c -> c == '_' || c == '-' || c == ' ' || c == '.');
    }
}
