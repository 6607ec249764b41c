package dev.countdown.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A checklist item's inline Markdown as pieces a template shows, each escaped by the template:
 * {@code code}, links, bold and italics. Nothing of the text is ever passed on as HTML, and a link
 * is a link only to http, https or mailto; anything else stays text.
 *
 * @param kind {@code text}, {@code code}, {@code strong}, {@code em} or {@code link}
 * @param href the link's target, empty unless {@code kind} is {@code link}
 */
public record Inline(String kind, String text, String href) {

    private static final Pattern TOKEN = Pattern.compile(
            "`([^`]+)`|\\[([^\\]]+)]\\(((?:https?://|mailto:)[^)\\s]+)\\)|\\*\\*([^*]+)\\*\\*|__([^_]+)__|(?<![\\w*])\\*([^*\\s][^*]*)\\*|(?<!\\w)_([^_\\s][^_]*)_(?!\\w)");

    public static List<Inline> parse(String markdown) {
        List<Inline> parts = new ArrayList<>();
        if (markdown == null) {
            return parts;
        }
        Matcher m = TOKEN.matcher(markdown);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                parts.add(text(markdown.substring(at, m.start())));
            }
            if (m.group(1) != null) {
                parts.add(new Inline("code", m.group(1), ""));
            } else if (m.group(2) != null) {
                parts.add(new Inline("link", m.group(2), m.group(3)));
            } else if (m.group(4) != null || m.group(5) != null) {
                parts.add(new Inline("strong", m.group(4) != null ? m.group(4) : m.group(5), ""));
            } else {
                parts.add(new Inline("em", m.group(6) != null ? m.group(6) : m.group(7), ""));
            }
            at = m.end();
        }
        if (at < markdown.length()) {
            parts.add(text(markdown.substring(at)));
        }
        return parts;
    }

    private static Inline text(String text) {
        return new Inline("text", text, "");
    }
}
