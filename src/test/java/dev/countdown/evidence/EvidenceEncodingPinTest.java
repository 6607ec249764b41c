package dev.countdown.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.countdown.Countdown;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stored audit chains and evidence bundles verify only while the same input hashes to the same
 * bytes. The values below were computed by the code that wrote the chains already stored; a
 * change to how Countdown serializes JSON must leave every one of them as it is.
 */
class EvidenceEncodingPinTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00.123Z");
    private static final String AWKWARD = "Ada «Lovelace» \"quoted\" </script> \\ \t\n\u2028 \u0001 😀";

    @TempDir
    Path dir;

    @Test
    void anEventHashesAsItAlwaysDid() {
        List<AuditEvent> events = events();

        assertThat(events.get(0).hash()).isEqualTo("1beb1338c86d0b4cee19c19e96c624d5aff184f1ffb71fd03b35b6d46d35d275");
        assertThat(events.get(1).hash()).isEqualTo("66d15ad3aa2b5317267ba1887eade0d8873bd61f376ede9ceee3cba450a01a99");
    }

    @Test
    void aBundleKeepsItsDigestAndItsFile() throws Exception {
        ObjectNode bundle = EvidenceBundle.seal(content(), events());
        String file = EvidenceBundle.write(bundle);

        assertThat(bundle.get("digest").asText()).isEqualTo("7d81e3884f85fb16fc337bf7a2ac9915630f3594136392f3f32e3380257464b5");
        assertThat(Sha256.hex(file)).as("the bundle file, byte for byte").isEqualTo("3bdf4f1c6f1d317106f5f3462401c522a4e6e6b11be3218fd3ea042dcfa1a232");
        assertThat(verify(Files.writeString(dir.resolve("now.json"), file))).startsWith("0:")
                .contains("verified: shop 1.2.3, 2 events");
    }

    @Test
    void aBundleWrittenBeforeStillVerifies() throws URISyntaxException {
        Path stored = Path.of(getClass().getResource("/evidence/pinned-bundle.json").toURI());

        assertThat(verify(stored)).startsWith("0:").contains("verified: shop 1.2.3, 2 events");
    }

    private static List<AuditEvent> events() {
        AuditEvent first = HashChain.append(0, HashChain.GENESIS, "r-1", AT, "slack", "U1", AWKWARD, "item.set",
                "item-1", "pending", "pass", "");
        AuditEvent second = HashChain.append(first.seq(), first.hash(), "r-1", AT.plusMillis(1500), "web", "", "",
                "decision", "go", null, "GO", AWKWARD);
        return List.of(first, second);
    }

    private static ObjectNode content() {
        ObjectNode content = EvidenceBundle.json().createObjectNode();
        content.putObject("release").put("version", "1.2.3").put("service", "shop").put("round", 2)
                .put("startedAt", AT.toString()).putNull("closedAt");
        ObjectNode item = content.putArray("items").addObject();
        item.put("id", "item-1").put("text", AWKWARD).put("checked", true).put("weight", 0.1)
                .put("big", 12345678901234L);
        content.putArray("approvals").addObject().put("role", "qa").put("by", "Ada");
        return content;
    }

    private static String verify(Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Countdown.tools().run(new String[] {"evidence", "verify", file.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return code + ":" + out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }
}
