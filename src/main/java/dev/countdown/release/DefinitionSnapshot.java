package dev.countdown.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.countdown.evidence.Sha256;
import dev.countdown.json.Json;
import dev.countdown.manifest.ManifestReader;
import dev.countdown.manifest.TemplateSource;
import dev.countdown.source.SourceException;
import dev.countdown.source.SourceText;
import dev.countdown.template.TemplateParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The text of a manifest and of the templates it names, as they were when a release started.
 * A running release is read from its snapshot, so editing the files changes only later releases.
 */
public record DefinitionSnapshot(String manifestName, String manifestText, Map<String, String> templates,
                                 String ceremony) {

    /** The ceremony of a snapshot taken for a rollback: its checklist is the manifest's rollback plan. */
    public static final String ROLLBACK = "rollback";
    private static final String ROLLBACK_AFTER = "rollback after ";

    public DefinitionSnapshot {
        templates = new TreeMap<>(templates);
        ceremony = ceremony == null ? "" : ceremony;
    }

    public DefinitionSnapshot(String manifestName, String manifestText, Map<String, String> templates) {
        this(manifestName, manifestText, templates, "");
    }

    /** The same texts, read as the rollback ceremony of the manifest's service. */
    public DefinitionSnapshot forRollback() {
        return new DefinitionSnapshot(manifestName, manifestText, templates, ROLLBACK);
    }

    /**
     * The rollback ceremony of a release whose last GO was {@code lastGo} (a gate's label, "Phase 2
     * Go/No-Go"): the rollback template's "If phase 2 fails" sections are offered by it.
     */
    public DefinitionSnapshot forRollback(java.util.Optional<String> lastGo) {
        return lastGo.map(go -> new DefinitionSnapshot(manifestName, manifestText, templates, ROLLBACK_AFTER + go))
                .orElseGet(this::forRollback);
    }

    public String hash() {
        return Sha256.hex(toJson());
    }

    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("manifestName", manifestName);
        json.put("manifestText", manifestText);
        json.put("templates", templates);
        if (!ceremony.isEmpty()) {
            // only when set: the hashes of every release's snapshot stay as they were
            json.put("ceremony", ceremony);
        }
        try {
            return Json.MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings always serialize", e);
        }
    }

    public static DefinitionSnapshot fromJson(String json) {
        try {
            Map<?, ?> map = Json.MAPPER.readValue(json, Map.class);
            Map<String, String> templates = new LinkedHashMap<>();
            ((Map<?, ?>) map.get("templates")).forEach((k, v) -> templates.put((String) k, (String) v));
            Object ceremony = map.get("ceremony");
            return new DefinitionSnapshot((String) map.get("manifestName"), (String) map.get("manifestText"), templates,
                    ceremony == null ? "" : (String) ceremony);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored definition snapshot is not JSON", e);
        }
    }

    /** Reads the snapshot again: the same checks as from files, against the snapshot's own texts. */
    public ReleaseDefinition read() throws SourceException {
        TemplateParser parser = new TemplateParser();
        TemplateSource fromSnapshot = (name, manifestFile) -> {
            String text = templates.get(name);
            if (text == null) {
                throw new SourceException(name, 1, "not in the release's snapshot");
            }
            return parser.parse(SourceText.decode(name, text.getBytes(StandardCharsets.UTF_8), "Markdown checklist"));
        };
        ManifestReader.Loaded loaded = new ManifestReader(fromSnapshot).read(Path.of(manifestName),
                SourceText.decode(manifestName, manifestText.getBytes(StandardCharsets.UTF_8), "release manifest"));
        if (ceremony.equals(ROLLBACK) || ceremony.startsWith(ROLLBACK_AFTER)) {
            String rollbackTemplate = loaded.manifest().rollback().template().map(templates::get).orElse(null);
            java.util.Optional<String> lastGo = ceremony.equals(ROLLBACK) ? java.util.Optional.empty()
                    : java.util.Optional.of(ceremony.substring(ROLLBACK_AFTER.length()));
            return ReleaseDefinition.rollback(hash(), loaded.manifest(),
                    RollbackChecklist.compose(loaded.manifest(), rollbackTemplate, lastGo));
        }
        return ReleaseDefinition.of(hash(), loaded.manifest(), loaded.template());
    }
}
