package dev.countdown.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.countdown.Countdown;
import dev.countdown.support.ApiClient;
import dev.countdown.support.CountdownTestProperties;
import dev.countdown.support.ServiceFixture;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notes, names and reasons are typed by people: the Markdown bundle shows them as typed and lets
 * none of them run as HTML, link, or forge a heading, a list item or a table cell.
 */
class EvidenceMarkdownApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOSTILE = "<script>alert(1)</script> <img src=x onerror=alert(2)> "
            + "[click](javascript:alert(1)) ![pixel](http://127.0.0.1/p.png) `rm -rf` | forged cell | **GO** ~~no~~ a\\|b";
    private static final String FORGING = "# Forged heading\n- [x] forged item\n> quoted\n1. first";

    @TempDir
    Path dir;

    @Test
    void userTextInTheMarkdownBundleIsInertAndTheJsonBundleStillVerifies() throws Exception {
        Map<String, Object> properties = ServiceFixture.write(dir, "# Web\n\n## Checks\n\n- [ ] /health returns 200\n- [ ] Notes read\n",
                ServiceFixture.webManifest("http://127.0.0.1:9/health", ""));
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
            ApiClient api = new ApiClient(server.getURI(), CountdownTestProperties.TOKEN);
            Map<String, String> mallory = Map.of("platform", "slack", "id", "U0RM00001", "name", "<b>Mallory</b> | `x`");
            String id = api.post("/api/releases", body(Map.of("service", "web", "version", "v1.0.0", "actor", mallory)))
                    .json().at("/release/id").asText();
            String base = "/api/releases/" + id;
            assertThat(api.post(base + "/items/checks.health-returns-200",
                    body(Map.of("state", "fail", "note", HOSTILE, "actor", mallory))).status()).isEqualTo(200);
            assertThat(api.post(base + "/items/checks.notes-read/notes", body(Map.of("note", FORGING, "actor", mallory)))
                    .status()).isEqualTo(200);
            assertThat(api.post(base + "/decision", body(Map.of("note", "_all_ #", "actor", mallory))).json()
                    .at("/release/state").asText()).isEqualTo("no-go");

            ApiClient.Response markdown = api.get(base + "/evidence.md");

            assertThat(markdown.status()).isEqualTo(200);
            String md = markdown.body();
            String inert = "&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt; "
                    + "\\[click\\](javascript:alert(1)) !\\[pixel\\](http://127.0.0.1/p.png) \\`rm -rf\\` \\| forged cell \\| "
                    + "\\*\\*GO\\*\\* \\~\\~no\\~\\~ a\\\\\\|b";
            assertThat(md).as("the item's note, as typed").contains("- [ ] /health returns 200 — **fail**, failed by &lt;b&gt;Mallory"
                    + "&lt;/b&gt; \\| \\`x\\` (slack U0RM00001), ").contains(": " + inert + "\n");
            assertThat(md).as("the decision's reason").contains("  - failed: /health returns 200: " + inert + "\n");
            assertThat(md).as("ordinary text reads as it was typed").contains("/health returns 200", "Notes read");
            assertThat(md).doesNotContain("<", "[click]", "**GO**").as("no link, image or code span of the user's")
                    .doesNotContainPattern("[^\\\\]]\\(").doesNotContainPattern("[^\\\\]`rm");
            assertThat(md.lines().filter(l -> l.startsWith("#") || l.startsWith(">") || l.matches("\\s*(- \\[x]|1\\.).*")))
                    .as("every heading is the renderer's own, and no line is a quote or a forged list item")
                    .containsExactly("# Evidence: web v1.0.0", "## Decisions", "## Checklist", "### Checks", "## Probes",
                            "## Approvals", "## Audit trail", "## Verifying this evidence");
            assertThat(md).contains(": \\# Forged heading - \\[x\\] forged item &gt; quoted 1. first\n",
                    "| \\_all\\_ # \\| failed: ");
            assertTablesKeepTheirColumns(md);

            String json = api.get(base + "/evidence.json").body();
            JsonNode bundle = JSON.readTree(json);
            assertThat(bundle.at("/sections/0/items/0/notes/0/text").asText()).as("the JSON keeps the text as typed").isEqualTo(HOSTILE);
            Path file = Files.writeString(dir.resolve("bundle.json"), json);
            assertThat(verify(file)).startsWith("0:").contains("verified: web v1.0.0");
        }
    }

    /** Each row of a table has as many cell separators as its header: a typed "|" opened no cell. */
    private static void assertTablesKeepTheirColumns(String md) {
        int columns = -1;
        for (String line : md.lines().toList()) {
            if (!line.startsWith("|")) {
                columns = -1;
                continue;
            }
            int separators = separators(line);
            if (columns < 0) {
                columns = separators;
            }
            assertThat(separators).as(line).isEqualTo(columns);
        }
    }

    /** The "|" not escaped: those preceded by an even number of backslashes. */
    private static int separators(String line) {
        int count = 0;
        int backslashes = 0;
        for (char c : line.toCharArray()) {
            if (c == '|' && backslashes % 2 == 0) {
                count++;
            }
            backslashes = c == '\\' ? backslashes + 1 : 0;
        }
        return count;
    }

    private static String body(Map<String, Object> fields) throws Exception {
        return JSON.writeValueAsString(fields);
    }

    private static String verify(Path bundle) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Countdown.tools().run(new String[] {"evidence", "verify", bundle.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        return code + ":" + out.toString(StandardCharsets.UTF_8);
    }
}
