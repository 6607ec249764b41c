package dev.countdown.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.manifest.ManifestReader;
import dev.countdown.manifest.ReleaseManifest;
import dev.countdown.manifest.TemplateCatalog;
import dev.countdown.template.Section;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The shipped rollback template's "If phase N fails" sections, for portal-api's canary: only the
 * section of the phase last given GO is offered, none when no phase GO is known.
 */
class RollbackContingencyTest {

    private final ReleaseManifest manifest = portalApi();
    private final String template = read(Path.of("checklist-templates", "rollback.md"));

    @Test
    void theLastPhaseGivenGoOffersItsOwnContingencySection() {
        assertThat(titles(Optional.of("Phase 2 Go/No-Go"))).contains("If phase 2 fails", "Rollback steps", "Verification")
                .doesNotContain("If phase 1 fails", "If phase 4 fails");
        assertThat(titles(Optional.of("Phase 4 Go/No-Go"))).contains("If phase 4 fails")
                .doesNotContain("If phase 1 fails", "If phase 2 fails");
    }

    @Test
    void withoutAKnownPhaseGoNoContingencyIsOffered() {
        assertThat(titles(Optional.empty())).contains("Rollback steps", "Post-rollback actions")
                .noneMatch(t -> t.startsWith("If phase"));
        assertThat(titles(Optional.of("Release decision"))).noneMatch(t -> t.startsWith("If phase"));
        assertThat(titles(Optional.of("Phase 12 Go/No-Go"))).as("phase 1 is not phase 12")
                .noneMatch(t -> t.startsWith("If phase"));
    }

    @Test
    void theSnapshotOfARollbackKeepsTheLastGo() throws Exception {
        DefinitionSnapshot snapshot = new DefinitionSnapshot("portal-api.yaml",
                read(Path.of("manifests", "portal-api.yaml")), java.util.Map.of("canary-go-live.md",
                read(Path.of("checklist-templates", "canary-go-live.md")), "rollback.md", template));
        ReleaseDefinition after2 = snapshot.forRollback(Optional.of("Phase 2 Go/No-Go")).read();
        assertThat(after2.template().sections()).extracting(Section::title).contains("If phase 2 fails")
                .doesNotContain("If phase 1 fails");
        assertThat(snapshot.forRollback(Optional.empty()).hash()).isEqualTo(snapshot.forRollback().hash());
        assertThat(snapshot.forRollback(Optional.empty()).read().template().sections()).extracting(Section::title)
                .noneMatch(t -> t.startsWith("If phase"));
    }

    private java.util.List<String> titles(Optional<String> lastGo) {
        return RollbackChecklist.compose(manifest, template, lastGo).sections().stream().map(Section::title).toList();
    }

    private static ReleaseManifest portalApi() {
        try {
            return new ManifestReader(new TemplateCatalog(Optional.of(Path.of("checklist-templates"))))
                    .read(Path.of("manifests", "portal-api.yaml")).manifest();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
