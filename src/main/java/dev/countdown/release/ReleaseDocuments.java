package dev.countdown.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.countdown.json.Json;

/** A {@link Release} as the JSON document its row keeps. */
final class ReleaseDocuments {

    private ReleaseDocuments() {
    }

    static String write(Release release) {
        try {
            return Json.MAPPER.writeValueAsString(release);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a release always serializes", e);
        }
    }

    static Release read(String document) {
        try {
            JsonNode tree = Json.MAPPER.readTree(document);
            migrateNotes(tree);
            return Json.MAPPER.treeToValue(tree, Release.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored release document cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Documents written before items kept a list of notes hold one {@code note} per item: it
     * becomes the item's only note, credited to whoever last set the item, which is all they knew.
     */
    private static void migrateNotes(JsonNode tree) {
        JsonNode items = tree.path("items");
        if (!items.isObject()) {
            return;
        }
        for (JsonNode item : items) {
            if (!(item instanceof ObjectNode status) || status.has("notes")) {
                continue;
            }
            JsonNode note = status.remove("note");
            ArrayNode notes = status.putArray("notes");
            if (note != null && !note.asText("").isBlank()) {
                ObjectNode migrated = notes.addObject().put("text", note.asText());
                migrated.set("by", status.get("by"));
                migrated.set("at", status.get("at"));
                migrated.put("state", "");
            }
        }
    }
}
