package dev.countdown.manifest;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A position in a manifest's YAML tree that reads typed values and reports, with file line and
 * dotted field name, what was expected when a value does not fit. Readers never throw: a wrong
 * value is recorded and a neutral default returned, so every problem in the file is shown.
 */
final class YamlNode {

    /** At most nine digits per amount, so that no sum a 256 KB file can write overflows a Duration. */
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)");

    private final YamlDocument document;
    private final JsonNode node;
    private final JsonPointer pointer;
    private final String field;
    private final Problems problems;

    YamlNode(YamlDocument document, JsonNode node, JsonPointer pointer, String field, Problems problems) {
        this.document = document;
        this.node = node;
        this.pointer = pointer;
        this.field = field;
        this.problems = problems;
        problems.reading(document.line(pointer));
    }

    static YamlNode root(YamlDocument document, Problems problems) {
        return new YamlNode(document, document.root(), JsonPointer.empty(), "", problems);
    }

    String field() {
        return field;
    }

    int line() {
        return document.line(pointer);
    }

    boolean isMapping() {
        return node.isObject();
    }

    void error(String message) {
        problems.error(line(), field, message);
    }

    void warning(String message) {
        problems.warning(line(), field, message);
    }

    Optional<YamlNode> get(String name) {
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            return Optional.empty();
        }
        return Optional.of(new YamlNode(document, child, pointer.appendProperty(name),
                field.isEmpty() ? name : field + "." + name, problems));
    }

    /** The child, or a missing node that reads as empty without complaint. */
    YamlNode optional(String name) {
        return get(name).orElseGet(() -> new YamlNode(document, com.fasterxml.jackson.databind.node.MissingNode
                .getInstance(), pointer.appendProperty(name), field.isEmpty() ? name : field + "." + name, problems));
    }

    YamlNode require(String name, String expected) {
        Optional<YamlNode> child = get(name);
        if (child.isEmpty()) {
            // "service: ~" is written, just empty: point at it rather than at the enclosing mapping
            boolean written = node.has(name);
            problems.error(written ? childLine(name) : line(), field.isEmpty() ? name : field + "." + name,
                    written ? "is empty; expected " + expected : "missing; expected " + expected);
        }
        return child.orElseGet(() -> optional(name));
    }

    /** The line of a key of this mapping, whatever its value (even null). */
    private int childLine(String name) {
        return document.line(pointer.appendProperty(name));
    }

    /** Reports keys this mapping does not know, suggesting the nearest known one. */
    boolean expectMapping(String expected, Set<String> known) {
        if (node.isMissingNode()) {
            return false;
        }
        if (!node.isObject()) {
            error("expected " + expected + ", got " + describe(node));
            return false;
        }
        node.fieldNames().forEachRemaining(key -> {
            if (!known.contains(key)) {
                String hint = nearest(key, known).map(k -> " (did you mean '" + k + "'?)").orElse("");
                problems.error(childLine(key),
                        field.isEmpty() ? key : field + "." + key,
                        "unknown field" + hint + "; known fields: " + String.join(", ", known.stream().sorted().toList()));
            }
        });
        return true;
    }

    /** The entries of a mapping whose keys the user chooses (role ids, probe names). */
    Map<String, YamlNode> entries(String expected) {
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        if (node.isMissingNode()) {
            return entries;
        }
        if (!node.isObject()) {
            error("expected " + expected + ", got " + describe(node));
            return entries;
        }
        node.fieldNames().forEachRemaining(key -> entries.put(key, get(key).orElseGet(() ->
                new YamlNode(document, node.get(key), pointer.appendProperty(key), field + "." + key, problems))));
        return entries;
    }

    /**
     * The entries of a mapping, without complaint when this is not one: for checks that run after
     * the readers, which have already reported the shape.
     */
    Map<String, YamlNode> children() {
        return node.isObject() ? entries("") : Map.of();
    }

    /** The text of a scalar, without complaint when this is not one (see {@link #children()}). */
    Optional<String> scalar() {
        return node.isValueNode() && !node.isNull() && !node.asText().isBlank()
                ? Optional.of(node.asText().strip()) : Optional.empty();
    }

    String text(String expected) {
        if (node.isMissingNode()) {
            return "";
        }
        if (node.isTextual() || node.isNumber() || node.isBoolean()) {
            String value = node.asText().strip();
            if (value.isEmpty()) {
                error("is empty; expected " + expected);
            }
            return value;
        }
        error("expected " + expected + ", got " + describe(node));
        return "";
    }

    String string(String name, String expected, String fallback) {
        return get(name).map(n -> n.text(expected)).orElse(fallback);
    }

    Optional<String> optionalString(String name, String expected) {
        return get(name).map(n -> n.text(expected)).filter(s -> !s.isEmpty());
    }

    /** The elements of a list; a single value is taken as a list of one, a missing one as none. */
    List<YamlNode> items() {
        if (node.isMissingNode()) {
            return List.of();
        }
        if (!node.isArray()) {
            return List.of(this);
        }
        List<YamlNode> values = new ArrayList<>();
        for (int k = 0; k < node.size(); k++) {
            values.add(new YamlNode(document, node.get(k), pointer.appendIndex(k), field + "[" + k + "]", problems));
        }
        return values;
    }

    /** A list of strings; a single string is taken as a list of one. */
    List<String> strings(String expected) {
        return items().stream().map(n -> n.text(expected)).filter(v -> !v.isEmpty()).toList();
    }

    List<String> strings(String name, String expected) {
        return get(name).map(n -> n.strings(expected)).orElse(List.of());
    }

    int integer(String name, int fallback, int min, int max) {
        Optional<YamlNode> child = get(name);
        if (child.isEmpty()) {
            return fallback;
        }
        JsonNode value = child.get().node;
        String range = max == Integer.MAX_VALUE ? "of " + min + " or more" : "from " + min + " to " + max;
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < min || value.asInt() > max) {
            child.get().error("expected a whole number " + range + ", got " + describe(value));
            return fallback;
        }
        return value.asInt();
    }

    boolean bool(String name, boolean fallback) {
        Optional<YamlNode> child = get(name);
        if (child.isEmpty()) {
            return fallback;
        }
        if (!child.get().node.isBoolean()) {
            child.get().error("expected true or false, got " + describe(child.get().node));
            return fallback;
        }
        return child.get().node.asBoolean();
    }

    /** Durations are written {@code 500ms}, {@code 30s}, {@code 15m}, {@code 24h}, {@code 7d}, or combined {@code 1h30m}. */
    Duration duration(String name, Duration fallback) {
        Optional<YamlNode> child = get(name);
        if (child.isEmpty()) {
            return fallback;
        }
        String text = child.get().node.isValueNode() ? child.get().node.asText().strip() : "";
        Matcher m = DURATION.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long amount = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
            end = m.end();
        }
        if (text.isEmpty() || end != text.length() || total.isZero()) {
            child.get().error("expected a duration such as 500ms, 30s, 15m, 24h or 7d, got " + describe(child.get().node));
            return fallback;
        }
        return total;
    }

    static String describe(JsonNode value) {
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isNull() || value.isMissingNode() || value.isTextual() && value.asText().isBlank()) {
            return "nothing";
        }
        if (value.isTextual()) {
            return "\"" + value.asText() + "\"";
        }
        return value.asText();
    }

    private static Optional<String> nearest(String key, Set<String> known) {
        return known.stream()
                .filter(k -> distance(k, key) <= Math.max(2, key.length() / 3))
                .min(Comparator.comparingInt(k -> distance(k, key)));
    }

    /** Levenshtein distance; the names compared are short. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                row[j] = Math.min(Math.min(row[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = row;
            row = swap;
        }
        return previous[b.length()];
    }
}
