package dev.countdown.manifest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.countdown.source.SourceException;
import dev.countdown.source.SourceText;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML file as a tree plus the line each node starts on, so that a problem found anywhere in
 * the tree can be reported as {@code file:line}. Jackson's tree keeps no locations; one extra
 * pass over the token stream records them by JSON pointer.
 */
final class YamlDocument {

    private static final YAMLFactory YAML = YAMLFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(YAML);

    private final JsonNode root;
    private final Map<String, Integer> lines;

    private YamlDocument(JsonNode root, Map<String, Integer> lines) {
        this.root = root;
        this.lines = lines;
    }

    static YamlDocument parse(SourceText source) throws SourceException {
        String text = String.join("\n", source.lines());
        try {
            JsonNode root = MAPPER.readTree(text);
            return new YamlDocument(root == null ? MissingNode.getInstance() : root, lineIndex(text));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            throw new SourceException(source.name(), line, "not valid YAML: " + summary(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new SourceException(source.name(), 1, "cannot read YAML: " + e.getMessage());
        }
    }

    JsonNode root() {
        return root;
    }

    /** The line a node starts on; for a mapping's entry, the line of its key. */
    int line(JsonPointer pointer) {
        for (JsonPointer p = pointer; p != null; p = p.head()) {
            Integer line = lines.get(p.toString());
            if (line != null) {
                return line;
            }
        }
        return 1;
    }

    private static Map<String, Integer> lineIndex(String text) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = YAML.createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                String pointer = token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY
                        ? parser.getParsingContext().getParent() == null
                                ? "" : parser.getParsingContext().getParent().pathAsPointer().toString()
                        : parser.getParsingContext().pathAsPointer().toString();
                lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
            }
        }
        return lines;
    }

    /** SnakeYAML's message without its source excerpts: "while parsing ...; expected ..., but got ...". */
    private static String summary(String message) {
        if (message == null) {
            return "unreadable";
        }
        return message.lines()
                .filter(l -> !l.isBlank() && !l.startsWith(" "))
                .map(String::strip)
                .reduce((a, b) -> a + "; " + b)
                .orElse("unreadable");
    }
}
