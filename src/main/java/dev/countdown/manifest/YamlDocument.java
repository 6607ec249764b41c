package dev.countdown.manifest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.countdown.source.SourceException;
import dev.countdown.source.SourceProblem;
import dev.countdown.source.SourceText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML file as a tree plus the line each node starts on, so that a problem found anywhere in
 * the tree can be reported as {@code file:line}. Jackson's tree keeps no locations; one extra
 * pass over the token stream records them by JSON pointer, and finds what the tree would silently
 * drop or misread: a second document, and aliases (which Jackson reads as their anchor's name).
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
        YamlLines yamlLines = YamlLines.of(text);
        try (JsonParser parser = MAPPER.createParser(text)) {
            try {
                JsonNode root = readTree(parser, source, yamlLines);
                Index index = index(text, source, yamlLines);
                if (!index.unsupported().isEmpty()) {
                    throw new SourceException(source.name(), index.unsupported());
                }
                return new YamlDocument(root == null ? MissingNode.getInstance() : root, index.lines());
            } catch (JsonProcessingException e) {
                // a limit exceeded (nesting depth) carries no location of its own: the parser knows it
                int line = e.getLocation() != null ? e.getLocation().getLineNr() : parser.currentLocation().getLineNr();
                throw new SourceException(source.name(), yamlLines.fileLine(errorLine(e, line, text)),
                        "not valid YAML: " + summary(e, yamlLines));
            }
        } catch (IOException e) {
            throw new SourceException(source.name(), 1, "cannot read YAML: " + e.getMessage());
        }
    }

    /** The tree; a failure of the YAML library itself is a problem of the line it was reading. */
    private static JsonNode readTree(JsonParser parser, SourceText source, YamlLines yamlLines)
            throws IOException, SourceException {
        try {
            return MAPPER.readTree(parser);
        } catch (RuntimeException | StackOverflowError e) {
            throw SourceException.unexpected(source.name(), yamlLines.fileLine(parser.currentLocation().getLineNr()), e);
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

    /** Where each node starts, and what is written that the tree cannot carry. */
    private record Index(Map<String, Integer> lines, List<SourceProblem> unsupported) {
    }

    private static Index index(String text, SourceText source, YamlLines yamlLines) throws IOException, SourceException {
        try (JsonParser parser = YAML.createParser(text)) {
            try {
                return index(parser, yamlLines);
            } catch (RuntimeException | StackOverflowError e) {
                throw SourceException.unexpected(source.name(), yamlLines.fileLine(parser.currentLocation().getLineNr()), e);
            }
        }
    }

    private static Index index(JsonParser parser, YamlLines yamlLines) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        List<SourceProblem> unsupported = new ArrayList<>();
        int documents = 0;
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
            int line = yamlLines.fileLine(parser.currentTokenLocation().getLineNr());
            boolean startsStructure = token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY;
            String pointer = startsStructure
                    ? parser.getParsingContext().getParent() == null
                            ? "" : parser.getParsingContext().getParent().pathAsPointer().toString()
                    : parser.getParsingContext().pathAsPointer().toString();
            lines.putIfAbsent(pointer, line);
            boolean startsDocument = startsStructure ? parser.getParsingContext().getParent().inRoot()
                    : token.isScalarValue() && token != JsonToken.VALUE_NULL && parser.getParsingContext().inRoot();
            if (startsDocument && ++documents == 2) {
                unsupported.add(new SourceProblem(line, "a second YAML document starts here (after '---');"
                        + " expected one manifest per file"));
            }
            if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                unsupported.add(new SourceProblem(line, "'*" + parser.getText() + "' is a YAML alias, which"
                        + " manifests do not support; write the value out in full"));
            }
        }
        return new Index(lines, unsupported);
    }

    /**
     * Where SnakeYAML found the problem; Jackson's own location is that of the last good token,
     * often lines earlier. A problem found at the end of the file (an unclosed quote or bracket)
     * is reported where the construct was opened.
     */
    private static int errorLine(JsonProcessingException e, int parserLine, String text) {
        int line = parserLine;
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            Mark problem = yaml.getProblemMark();
            boolean atEnd = problem.getIndex() >= text.codePointCount(0, text.length());
            line = (atEnd && yaml.getContextMark() != null ? yaml.getContextMark() : problem).getLine() + 1;
        }
        return line;
    }

    /** SnakeYAML's message without its source excerpts: "while parsing ... (line N); expected ..., but got ...". */
    private static String summary(JsonProcessingException e, YamlLines yamlLines) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblem() != null) {
            String context = yaml.getContext() == null ? "" : yaml.getContext()
                    + (yaml.getContextMark() == null ? "" : " (line " + yamlLines.fileLine(yaml.getContextMark().getLine() + 1) + ")");
            return (context.isEmpty() ? "" : context + "; ") + yaml.getProblem();
        }
        String message = e.getOriginalMessage();
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
