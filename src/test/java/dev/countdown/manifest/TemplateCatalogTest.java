package dev.countdown.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.countdown.source.SourceException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateCatalogTest {

    @TempDir
    Path dir;

    @Test
    void bareNameIsLookedUpInTheGivenDirectory() throws SourceException {
        Path templates = Fixtures.templates(dir);
        Path manifest = dir.resolve("elsewhere/portal-api.yaml");

        TemplateCatalog catalog = new TemplateCatalog(Optional.of(templates));

        assertThat(catalog.resolve("go-no-go.md", manifest)).isEqualTo(templates.resolve("go-no-go.md"));
        assertThat(catalog.load("go-no-go.md", manifest).title()).isEqualTo("Portal API release");
    }

    @Test
    void withoutDirectoryTheOneBesideTheManifestsDirectoryIsUsed() {
        Path beside = Fixtures.write(dir.resolve("checklist-templates/go-no-go.md"), Fixtures.TEMPLATE);

        Path found = new TemplateCatalog(Optional.empty()).resolve("go-no-go.md", dir.resolve("manifests/a.yaml"));

        assertThat(found).isEqualTo(beside);
    }

    @Test
    void withoutEitherTheWorkingDirectorysIsUsed() {
        Path found = new TemplateCatalog(Optional.empty()).resolve("go-no-go.md", dir.resolve("manifests/a.yaml"));

        assertThat(found).isEqualTo(Path.of("checklist-templates", "go-no-go.md"));
    }

    @Test
    void nameWithASlashIsRelativeToTheManifest() {
        Path found = new TemplateCatalog(Optional.of(dir.resolve("ignored")))
                .resolve("../shared/go-no-go.md", dir.resolve("manifests/a.yaml"));

        assertThat(found).isEqualTo(dir.resolve("shared/go-no-go.md"));
    }

    @Test
    void missingTemplateNamesTheFileItLookedFor() {
        Path templates = Fixtures.templates(dir);

        SourceException e = catchThrowableOfType(SourceException.class,
                () -> new TemplateCatalog(Optional.of(templates)).load("go-live.md", dir.resolve("a.yaml")));

        assertThat(e.file()).isEqualTo(templates.resolve("go-live.md").toString());
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.message()).isEqualTo("no such template file");
        });
    }
}
