package dev.countdown.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.countdown.source.SourceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Small checklists and manifests written into a test's temporary directory, and ways to read them. */
final class Fixtures {

    /** Item ids: pre-release.backups-verified, pre-release.error-rate-below-1, deploy.canary-healthy, deploy.ci-green. */
    static final String TEMPLATE = """
            # Portal API release

            ## Pre-release
            - [ ] Backups verified
            - [ ] Error rate below 1%

            ## Deploy
            - [ ] Canary healthy
            - [ ] CI green

            ## Sign-off

            | Role | Name | Approved |
            | --- | --- | --- |
            | QA Lead | | |
            """;

    static final String ROLLBACK_TEMPLATE = """
            # Rollback
            - [ ] Traffic drained
            """;

    /** A valid manifest with nothing optional; a test appends what it checks. */
    static final String MINIMAL = """
            service: portal-api
            template: go-no-go.md
            channels:
              slack: [C0123ABCD]
            roles:
              qa-lead:
                owners:
                  slack-users: [U012AB3CD]
            """;

    private Fixtures() {
    }

    /** Writes the checklists into {@code dir/templates} and returns that directory. */
    static Path templates(Path dir) {
        Path templates = dir.resolve("templates");
        write(templates.resolve("go-no-go.md"), TEMPLATE);
        write(templates.resolve("rollback.md"), ROLLBACK_TEMPLATE);
        return templates;
    }

    static Path manifest(Path dir, String yaml) {
        return write(dir.resolve("manifests").resolve("portal-api.yaml"), yaml);
    }

    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ManifestReader reader(Path dir) {
        return new ManifestReader(new TemplateCatalog(Optional.of(templates(dir))));
    }

    static ManifestReader.Loaded read(Path dir, String yaml) throws SourceException {
        return reader(dir).read(manifest(dir, yaml));
    }

    /** The errors of a manifest that must not load, each as {@code "line: field: message"}. */
    static List<String> errors(Path dir, String yaml) {
        SourceException e = catchThrowableOfType(SourceException.class, () -> read(dir, yaml));
        assertThat(e).as("reading should fail:%n%s", yaml).isNotNull();
        return e.problems().stream().map(p -> p.line() + ": " + p.message()).toList();
    }

    /** Asserts one error is at {@code line}, names {@code field} and says all of {@code phrases}. */
    static void hasError(List<String> errors, int line, String field, String... phrases) {
        assertThat(errors).anySatisfy(error -> {
            assertThat(error).startsWith(line + ": " + field + ": ");
            assertThat(error).contains(phrases);
        });
    }

    /** The 1-based line of the only line of {@code yaml} that contains {@code text}. */
    static int lineOf(String yaml, String text) {
        List<String> lines = yaml.lines().toList();
        List<Integer> found = java.util.stream.IntStream.range(0, lines.size())
                .filter(i -> lines.get(i).contains(text)).boxed().toList();
        assertThat(found).as("lines containing '%s'", text).hasSize(1);
        return found.getFirst() + 1;
    }
}
