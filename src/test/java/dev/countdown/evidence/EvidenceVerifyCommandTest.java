package dev.countdown.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.countdown.Countdown;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceVerifyCommandTest {

    @TempDir
    Path dir;

    @Test
    void aSealedBundleVerifiesAndAnyEditBreaksIt() throws Exception {
        ObjectNode content = EvidenceBundle.json().createObjectNode();
        content.putObject("release").put("service", "shop").put("version", "v1");
        String bundle = EvidenceBundle.write(EvidenceBundle.seal(content, HashChainTest.chain(2)));
        Path file = Files.writeString(dir.resolve("b.json"), bundle);
        assertThat(run(file)).startsWith("0:").contains("verified: shop v1, 2 events");

        Files.writeString(file, bundle.replace("\"v1\"", "\"v2\""));
        assertThat(run(file)).startsWith("1:").contains("does not match its digest");
        Files.writeString(file, bundle.replace("note 2", "note 3"));
        assertThat(run(file)).startsWith("1:").contains("event #2").contains("altered");
    }

    @Test
    void unusableFilesAreNamedWithoutAStackTrace() throws Exception {
        assertThat(run(dir.resolve("missing.json"))).startsWith("1:").contains("no such file");
        assertThat(run(Files.writeString(dir.resolve("a.json"), "{\n  \"format\": "))).startsWith("1:")
                .contains("a.json:2: not valid JSON");
        assertThat(run(Files.writeString(dir.resolve("b.json"), "{\"hello\": 1}"))).startsWith("1:")
                .contains("not a Countdown evidence bundle");
        assertThat(run(Files.writeString(dir.resolve("c.json"), "[]"))).doesNotContain("Exception", "\tat ");
    }

    private static String run(Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Countdown.tools().run(new String[] {"evidence", "verify", file.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return code + ":" + out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }
}
