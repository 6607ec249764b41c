package dev.countdown.discord;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Discord's message components v2 as the API takes them (containers, text displays, sections
 * with a button accessory, action rows of buttons or a select), built as JSON so a rendered
 * message is plain text to hash and compare, and counted against Discord's limits as it grows.
 */
final class DiscordComponents {

    /** Discord's limits for a components v2 message. */
    static final int MAX_COMPONENTS = 40;
    static final int MAX_TEXT = 4_000;

    static final int BLUE = 0x3B82F6;
    static final int GREEN = 0x22C55E;
    static final int RED = 0xEF4444;
    static final int GREY = 0x6B7280;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ObjectNode container;
    private int components = 1;
    private int chars;

    private DiscordComponents(int accent) {
        container = JSON.objectNode().put("type", 17).put("accent_color", accent);
        container.putArray("components");
    }

    static DiscordComponents container(int accent) {
        return new DiscordComponents(accent);
    }

    /** Whether {@code more} components and {@code text} characters still fit. */
    boolean fits(int more, int text) {
        return components + more <= MAX_COMPONENTS && chars + text <= MAX_TEXT;
    }

    DiscordComponents text(String content) {
        children().add(textDisplay(content));
        return this;
    }

    /** Text with a button beside it. */
    DiscordComponents section(String content, ObjectNode button) {
        ObjectNode section = children().addObject().put("type", 9);
        section.putArray("components").add(textDisplay(content));
        section.set("accessory", button);
        components += 2;
        return this;
    }

    DiscordComponents row(ObjectNode... elements) {
        ObjectNode row = children().addObject().put("type", 1);
        ArrayNode items = row.putArray("components");
        for (ObjectNode element : elements) {
            items.add(element);
        }
        components += 1 + elements.length;
        return this;
    }

    /** The message body: one container. */
    String body() {
        return JSON.arrayNode().add(container).toString();
    }

    static ObjectNode button(String label, String customId, Style style) {
        return JSON.objectNode().put("type", 2).put("style", style.code).put("label", DiscordText.limit(label, 80))
                .put("custom_id", customId);
    }

    /** A select of at most 25 options, each a label and a value. */
    static ObjectNode select(String customId, String placeholder, java.util.List<String[]> options) {
        ObjectNode select = JSON.objectNode().put("type", 3).put("custom_id", customId)
                .put("placeholder", DiscordText.limit(placeholder, 150));
        ArrayNode list = select.putArray("options");
        options.stream().limit(25).forEach(o -> list.addObject().put("label", DiscordText.limit(o[0], 100))
                .put("value", o[1]));
        return select;
    }

    enum Style {
        PRIMARY(1), SECONDARY(2), SUCCESS(3), DANGER(4);

        private final int code;

        Style(int code) {
            this.code = code;
        }
    }

    private ObjectNode textDisplay(String content) {
        components++;
        chars += content.length();
        return JSON.objectNode().put("type", 10).put("content", content);
    }

    private ArrayNode children() {
        return (ArrayNode) container.get("components");
    }
}
