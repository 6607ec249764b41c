package dev.countdown.probe;

import java.nio.charset.StandardCharsets;

/** The start of a text, small enough to keep in evidence and post in chat. */
final class Excerpt {

    static final int MAX_BYTES = 2048;

    private Excerpt() {
    }

    /** The text itself when it fits in {@link #MAX_BYTES} UTF-8 bytes, else its start and how much was cut. */
    static String of(String text) {
        int total = utf8Length(text);
        if (total <= MAX_BYTES) {
            return text;
        }
        String marker = "… [" + total + " bytes in all]";
        int budget = MAX_BYTES - utf8Length(marker);
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int size = utf8Length(new String(Character.toChars(cp)));
            if (used + size > budget) {
                break;
            }
            out.appendCodePoint(cp);
            used += size;
            i += Character.charCount(cp);
        }
        return out.append(marker).toString();
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
