package dev.countdown.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Changes a chat platform's request the ways a broken client, a proxy or an attacker with the
 * signing secret would: the form around it, the JSON inside it as text, and the JSON as a tree
 * (a field dropped, a value of another type, an id from elsewhere, a string too long).
 */
public final class Payloads {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Pieces of form bodies and of the ids Countdown reads. */
    static final List<String> FORM = List.of("&", "=", "&&", "==", "%", "%zz", "%C3", "%00", "%FF%FE", "+", "payload=",
            "payload=%7B", "payload=null", "text=", "command=%2Frelease", "command=%2Fother", "user_id=", "channel_id=",
            "text=start+v1.0.0", "text=pass", "text=%E2%80%8B", "cd|", "cd||item|", "cd|r|item|", "cd|r|nothing|x",
            "pass!cd|", "|", "~", "\u0000", "é", "🚀", "\uFFFD");

    /** Words after {@code /release}, real and near-real. */
    static final List<String> WORDS = List.of("help", "start", "status", "decide", "decide override", "cancel",
            "reopen", "probe", "probe all", "probe *", "rollback", "start v1.0.0", "start shop v2.0.0", "start nope v1",
            "start v" + "9".repeat(70), "status status", "HELP", "  help  ", "", " ", "\t", "start\u00A0v1", "start v1\nx",
            "cancel " + "x".repeat(5000), "reopen ✅", "decide cd|r|decide|x", "é", "🚀🚀", "\u202Estart", "null");

    /** Values a field should never hold. */
    private static List<JsonNode> oddValues(Random random) {
        return List.of(NODES.nullNode(), NODES.textNode(""), NODES.textNode(" "), NODES.numberNode(0),
                NODES.numberNode(-1), NODES.numberNode(1e308), NODES.numberNode(Long.MAX_VALUE), NODES.booleanNode(true),
                NODES.arrayNode(), NODES.objectNode(), NODES.textNode("x".repeat(random.nextInt(10) == 0 ? 70_000 : 300)),
                NODES.textNode(Fragments.oddCharacters(random)), NODES.textNode(Fragments.pick(random, FORM)),
                NODES.textNode("cd|" + "r".repeat(random.nextInt(40)) + "|item|" + "i".repeat(random.nextInt(300))),
                NODES.arrayNode().add(NODES.nullNode()), NODES.textNode("1.1"), NODES.textNode("U0RM00001"));
    }

    private Payloads() {
    }

    /** A form body ({@code a=b&c=d}) changed: as bytes, or one of its fields. */
    static String mutateForm(Random random, String form) {
        if (random.nextInt(4) == 0) {
            return mutateChars(random, form);
        }
        List<String> fields = new ArrayList<>(List.of(form.split("&", -1)));
        int at = random.nextInt(fields.size());
        String field = fields.get(at);
        String name = field.contains("=") ? field.substring(0, field.indexOf('=')) : field;
        switch (random.nextInt(6)) {
            case 0 -> fields.remove(at);
            case 1 -> fields.add(random.nextInt(fields.size() + 1), field);
            case 2 -> fields.set(at, name + "=" + enc(Fragments.pick(random, WORDS)));
            case 3 -> fields.set(at, name + "=" + enc(Fragments.oddCharacters(random)));
            case 4 -> fields.set(at, name + "=" + "x".repeat(random.nextInt(3) == 0 ? 100_000 : 200));
            default -> fields.set(at, Fragments.pick(random, FORM));
        }
        return String.join("&", fields);
    }

    /** A {@code payload=<json>} body changed: around the form, in the JSON's text, or in its tree. */
    static String mutatePayload(Random random, String body) {
        String json = URLDecoder.decode(body.substring("payload=".length()), StandardCharsets.UTF_8);
        return switch (random.nextInt(5)) {
            case 0 -> mutateForm(random, body);
            case 1 -> "payload=" + enc(mutateChars(random, json));
            default -> "payload=" + enc(mutateTree(random, json));
        };
    }

    /** One to three changes to a random node of the JSON tree. */
    static String mutateTree(Random random, String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            return json;
        }
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            List<JsonNode> containers = new ArrayList<>();
            collect(root, containers);
            JsonNode parent = Fragments.pick(random, containers);
            if (parent instanceof ObjectNode object && !object.isEmpty()) {
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                String name = Fragments.pick(random, names);
                switch (random.nextInt(4)) {
                    case 0 -> object.remove(name);
                    case 1 -> object.set(name + (random.nextBoolean() ? "" : "_x"), Fragments.pick(random, oddValues(random)));
                    default -> object.set(name, Fragments.pick(random, oddValues(random)));
                }
            } else if (parent instanceof ArrayNode array) {
                if (!array.isEmpty() && random.nextBoolean()) {
                    array.set(random.nextInt(array.size()), Fragments.pick(random, oddValues(random)));
                } else {
                    array.add(array.isEmpty() ? Fragments.pick(random, oddValues(random)) : array.get(0).deepCopy());
                }
            }
        }
        return root.toString();
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            node.forEach(child -> collect(child, containers));
        }
    }

    /**
     * A button id, a select's value or typed text changed: as bytes, a part between {@code |} or
     * {@code !} replaced, or cut. Always well-formed Unicode, as a platform's JSON carries it, and at
     * most {@code max} characters, as the platform caps it.
     */
    public static String mutateText(Random random, String text, int max) {
        String changed = switch (random.nextInt(4)) {
            case 0 -> {
                String[] parts = text.split("(?<=[|!])", -1);
                parts[random.nextInt(parts.length)] = Fragments.pick(random, random.nextBoolean() ? FORM : WORDS);
                yield String.join("", parts);
            }
            case 1 -> text.substring(0, random.nextInt(text.length() + 1)) + Fragments.oddCharacters(random);
            default -> mutateChars(random, text);
        };
        String wellFormed = new String(changed.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        return wellFormed.length() > max ? wellFormed.substring(0, max) : wellFormed;
    }

    /**
     * One to four edits anywhere in {@code text}: a fragment or odd characters put in, a character
     * taken out or flipped, the text cut, a stretch repeated (up to 10,000 characters). Not {@link Mutations},
     * whose line copies of its 100,000-character runs can reach gigabytes: over thousands of tries
     * that ended a long run with an OutOfMemoryError in the generator, not in the service.
     */
    static String mutateChars(Random random, String text) {
        StringBuilder b = new StringBuilder(text);
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            int at = random.nextInt(b.length() + 1);
            switch (random.nextInt(6)) {
                case 0 -> b.insert(at, Fragments.pick(random, FORM));
                case 1 -> b.insert(at, Fragments.oddCharacters(random));
                case 2 -> b.setLength(at);
                case 3 -> {
                    if (at < b.length()) {
                        b.setCharAt(at, (char) (b.charAt(at) ^ (1 << random.nextInt(16))));
                    }
                }
                case 4 -> {
                    String stretch = b.substring(at, Math.min(b.length(), at + 1 + random.nextInt(20)));
                    b.insert(at, stretch.repeat(random.nextInt(stretch.isEmpty() ? 1 : 100_000 / stretch.length() / 10 + 1)));
                }
                default -> {
                    if (at < b.length()) {
                        b.deleteCharAt(at);
                    }
                }
            }
        }
        return b.toString();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
