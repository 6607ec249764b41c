package dev.countdown.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A release keeps the hash of the definition it started from; the same texts must hash as they
 * did when the releases already stored were started, however Countdown serializes JSON.
 */
class DefinitionSnapshotPinTest {

    private static final DefinitionSnapshot SNAPSHOT = new DefinitionSnapshot("shop.yaml",
            "service: shop\nname: \"Shop «ü»\"\n\tsecret: </script> \u2028 😀\n",
            Map.of("z.md", "# Z\n\n- [ ] last\n", "a.md", "# A \\ \"quoted\"\n"));

    @Test
    void theSameTextsHashAsTheyAlwaysDid() {
        assertThat(SNAPSHOT.toJson()).isEqualTo("{\"manifestName\":\"shop.yaml\",\"manifestText\":\"service: shop\\nname: \\\"Shop «ü»\\\"\\n\\tsecret: </script> \u2028 😀\\n\""
                + ",\"templates\":{\"a.md\":\"# A \\\\ \\\"quoted\\\"\\n\",\"z.md\":\"# Z\\n\\n- [ ] last\\n\"}}");
        assertThat(SNAPSHOT.hash()).isEqualTo("d920c4a6665e305c8a07d9c62c557a05bda72e3870fd6d77d9e4a5a5c0bde833");
    }

    @Test
    void aStoredSnapshotReadsBackAsItWasWritten() {
        assertThat(DefinitionSnapshot.fromJson(SNAPSHOT.toJson())).isEqualTo(SNAPSHOT);
    }
}
