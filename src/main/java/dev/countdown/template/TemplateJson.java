package dev.countdown.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.countdown.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** The documented JSON shape of {@code template lint --json}; kept apart from the model so the model may grow. */
public final class TemplateJson {

    private TemplateJson() {
    }

    public static String write(ChecklistTemplate template) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("title", template.title());
        root.put("sections", template.sections().stream().map(TemplateJson::section).toList());
        root.put("roles", template.roles().stream()
                .map(r -> ordered("id", r.id(), "title", r.title())).toList());
        root.put("warnings", template.warnings().stream()
                .map(w -> ordered("line", w.line(), "message", w.message())).toList());
        try {
            return Json.PRETTY.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a template always serializes", e);
        }
    }

    private static Map<String, Object> section(Section section) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("title", section.title());
        json.put("level", section.level());
        json.put("items", section.items().stream()
                .map(i -> ordered("id", i.id(), "text", i.text(), "checked", i.checked())).toList());
        json.put("gate", section.gate().map(g -> ordered("label", g.label())).orElse(null));
        return json;
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int k = 0; k < keysAndValues.length; k += 2) {
            map.put((String) keysAndValues[k], keysAndValues[k + 1]);
        }
        return map;
    }

}
