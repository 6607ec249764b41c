package dev.countdown.web;

import static dev.countdown.support.ApiClient.actor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.countdown.support.ApiClient;
import dev.countdown.support.CountdownTestProperties;
import dev.countdown.support.ServiceFixture;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A release stored before items kept a list of notes still loads, its one note kept, and takes new ones. */
class StoredNotesMigrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RM = actor("slack", "U0RM00001");
    private static final String QA = actor("slack", "U0QA00001");

    @TempDir
    Path dir;

    @Test
    void anItemStoredWithTheOldSingleNoteLoadsWithThatNoteAndKeepsIt() throws Exception {
        Map<String, Object> properties = ServiceFixture.write(dir, "# Web\n\n## Checks\n\n- [ ] /health returns 200\n",
                ServiceFixture.webManifest("http://127.0.0.1:9/health", ""));
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
            ApiClient api = new ApiClient(server.getURI(), CountdownTestProperties.TOKEN);
            String id = api.post("/api/releases", "{\"service\":\"web\",\"version\":\"v1.0.0\",\"actor\":" + RM + "}")
                    .json().at("/release/id").asText();
            String base = "/api/releases/" + id;
            api.post(base + "/items/checks.health-returns-200", "{\"state\":\"fail\",\"note\":\"503 from eu\",\"actor\":" + RM + "}");

            // As an earlier Countdown wrote it: one "note" per item, no list.
            String url = (String) properties.get("datasources.default.url");
            try (Connection db = DriverManager.getConnection(url, "sa", "")) {
                ObjectNode document = (ObjectNode) JSON.readTree(read(db, id));
                ObjectNode item = (ObjectNode) document.path("items").path("checks.health-returns-200");
                item.remove("notes");
                item.put("note", "503 from eu");
                try (PreparedStatement update = db.prepareStatement("UPDATE releases SET document = ? WHERE id = ?")) {
                    update.setString(1, document.toString());
                    update.setString(2, id);
                    assertThat(update.executeUpdate()).isEqualTo(1);
                }
                assertThat(read(db, id)).contains("\"note\":\"503 from eu\"").doesNotContain("\"notes\"");
            }

            ApiClient.Response loaded = api.get(base);
            assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);
            JsonNode item = loaded.json().at("/sections/0/items/0");
            assertThat(item.get("state").asText()).isEqualTo("fail");
            assertThat(item.at("/notes/0/text").asText()).isEqualTo("503 from eu");
            assertThat(item.at("/notes/0/by").asText()).contains("U0RM00001");

            assertThat(api.post(base + "/items/checks.health-returns-200/notes", "{\"note\":\"LB draining\",\"actor\":" + QA
                    + "}").status()).isEqualTo(200);
            JsonNode after = api.get(base).json().at("/sections/0/items/0");
            assertThat(after.get("notes")).hasSize(2);
            assertThat(after.at("/notes/0/text").asText()).isEqualTo("503 from eu");
            assertThat(after.at("/notes/1/text").asText()).isEqualTo("LB draining");
            assertThat(after.at("/notes/1/by").asText()).contains("U0QA00001");
            assertThat(after.get("by").asText()).as("a note leaves who set the item").contains("U0RM00001");
            assertThat(api.get(base + "/evidence.md").body()).contains("503 from eu", "LB draining");
        }
    }

    private static String read(Connection db, String id) throws Exception {
        try (PreparedStatement select = db.prepareStatement("SELECT document FROM releases WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getString(1);
            }
        }
    }
}
