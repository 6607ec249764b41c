package dev.countdown.template;

import static dev.countdown.template.Templates.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class TemplateJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> keys(JsonNode node) {
        return StreamSupport.stream(((Iterable<String>) node::fieldNames).spliterator(), false).toList();
    }

    @Test
    void writesTheDocumentedShapeWithTheParsedValues() throws Exception {
        JsonNode json = JSON.readTree(TemplateJson.write(parse("release.md", """
                # Release
                ## Prepare
                - [x] **Freeze** main
                  - [ ] Tell the team
                ## Decide
                - [ ] Risks reviewed
                Release Decision: [ ] GO [ ] NO-GO

                Approved by: QA Lead
                """)));

        assertThat(keys(json)).containsExactly("title", "sections", "roles", "warnings");
        assertThat(json.get("title").asText()).isEqualTo("Release");

        JsonNode prepare = json.get("sections").get(0);
        assertThat(keys(prepare)).containsExactly("title", "level", "items", "gate");
        assertThat(prepare.get("title").asText()).isEqualTo("Prepare");
        assertThat(prepare.get("level").isInt()).isTrue();
        assertThat(prepare.get("level").asInt()).isEqualTo(2);
        assertThat(prepare.get("gate").isNull()).isTrue();
        JsonNode freeze = prepare.get("items").get(0);
        assertThat(keys(freeze)).containsExactly("id", "text", "checked");
        assertThat(freeze.get("id").asText()).isEqualTo("prepare.freeze-main");
        assertThat(freeze.get("text").asText()).isEqualTo("Freeze main");
        assertThat(freeze.get("checked").isBoolean()).isTrue();
        assertThat(freeze.get("checked").asBoolean()).isTrue();
        assertThat(prepare.get("items").get(1).get("checked").asBoolean()).isFalse();

        JsonNode decide = json.get("sections").get(1);
        assertThat(keys(decide.get("gate"))).containsExactly("label");
        assertThat(decide.get("gate").get("label").asText()).isEqualTo("Release Decision");

        assertThat(json.get("roles")).hasSize(1);
        assertThat(keys(json.get("roles").get(0))).containsExactly("id", "title");
        assertThat(json.get("roles").get(0).get("id").asText()).isEqualTo("qa-lead");
        assertThat(json.get("warnings").isArray()).isTrue();
        assertThat(json.get("warnings")).isEmpty();
    }

    @Test
    void writesWarningsWithTheirLines() throws Exception {
        JsonNode json = JSON.readTree(TemplateJson.write(parse("release.md", """
                # Release
                - [ ] Deployed
                Approved: [ ] Yes [ ] No
                """)));

        JsonNode warning = json.get("warnings").get(0);
        assertThat(keys(warning)).containsExactly("line", "message");
        assertThat(warning.get("line").asInt()).isEqualTo(3);
        assertThat(warning.get("message").asText()).contains("Approved");
    }
}
