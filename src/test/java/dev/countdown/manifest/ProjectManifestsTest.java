package dev.countdown.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.countdown.source.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every manifest the project ships must pass {@code manifest lint} against the project's own
 * checklists (warnings, as in lint, do not fail it).
 */
class ProjectManifestsTest {

    private static final Path MANIFESTS = Path.of("manifests");
    private static final Path TEMPLATES = Path.of(TemplateCatalog.DEFAULT_DIRECTORY);

    @Test
    void everyProjectManifestLints() throws IOException {
        assumeTrue(Files.isDirectory(MANIFESTS), "the project has no manifests/ directory yet");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(MANIFESTS)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .filter(ProjectManifestsTest::isReleaseManifest)
                    .sorted().toList();
        }
        assumeTrue(!files.isEmpty(), "manifests/ holds no release manifest yet");
        ManifestReader reader = new ManifestReader(new TemplateCatalog(
                Files.isDirectory(TEMPLATES) ? Optional.of(TEMPLATES) : Optional.empty()));

        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            try {
                reader.read(file);
            } catch (SourceException e) {
                e.problems().forEach(p -> problems.add(p.format(file.toString())));
            }
        }

        assertThat(problems).as("problems in %s", files).isEmpty();
    }

    /**
     * manifests/ also holds the Slack app manifest and deployment manifests for Countdown itself;
     * a release manifest is the one that names a checklist template.
     */
    private static boolean isReleaseManifest(Path file) {
        try {
            return Files.readAllLines(file).stream().anyMatch(line -> line.startsWith("template:"));
        } catch (IOException e) {
            return true;
        }
    }
}
