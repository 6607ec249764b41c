package dev.countdown.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.countdown.source.SourceException;
import dev.countdown.source.SourceText;
import dev.countdown.template.ChecklistTemplate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever fails while a manifest is read, the reader answers with that file's problems, naming
 * a line: never with another exception, which would fail the reading of every other manifest.
 */
class ReaderFailuresTest {

    @TempDir
    Path dir;

    private static SourceException readWith(TemplateSource templates, String yaml) {
        return catchThrowableOfType(SourceException.class, () -> new ManifestReader(templates).read(Path.of("m.yaml"),
                SourceText.decode("m.yaml", yaml.getBytes(StandardCharsets.UTF_8), "release manifest")));
    }

    @Test
    void aTemplateSourceThatFailsIsAProblemOfTheLineNamingTheTemplate() {
        String yaml = Fixtures.MINIMAL;
        TemplateSource broken = (name, manifestFile) -> {
            throw new IllegalStateException("broken");
        };

        SourceException e = readWith(broken, yaml);

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(Fixtures.lineOf(yaml, "template:"));
            assertThat(p.message()).contains("internal error: IllegalStateException");
        });
    }

    @Test
    void aStackOverflowIsAProblemOfTheFileToo() {
        TemplateSource deep = new TemplateSource() {
            @Override
            public ChecklistTemplate load(String name, Path manifestFile) {
                return load(name, manifestFile);
            }
        };

        SourceException e = readWith(deep, Fixtures.MINIMAL);

        assertThat(e.getMessage()).startsWith("m.yaml:2: Countdown could not read this line (internal error: StackOverflowError)");
    }

    @Test
    void aTemplateNameNoFileSystemAcceptsIsAProblemOfTheManifest() {
        Fixtures.templates(dir);
        String yaml = Fixtures.MINIMAL.replace("go-no-go.md", "\"go\\0no-go.md\"");

        SourceException e = catchThrowableOfType(SourceException.class,
                () -> new ManifestReader(new TemplateCatalog(Optional.of(dir.resolve("templates"))))
                        .read(Fixtures.manifest(dir, yaml)));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).startsWith("template: cannot be used: go\u0000no-go.md:1: not a usable file name");
        });
    }

    @Test
    void problemsOfAManifestWhoseLinesEndInLineSeparatorsAreAtLinesOfTheFile() {
        // YAML 1.1 ends lines at U+2028 too; the file, and an editor, have one line here
        String yaml = Fixtures.MINIMAL.replace("\n", "\u2028").replace("U012AB3CD", "bad-user");

        SourceException e = readWith((name, manifestFile) -> {
            throw new SourceException(name, 1, "unused");
        }, yaml);

        assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.line()).isEqualTo(1));
    }
}
