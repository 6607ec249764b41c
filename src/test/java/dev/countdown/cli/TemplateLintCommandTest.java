package dev.countdown.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.countdown.Countdown;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateLintCommandTest {

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private Path file(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    /** Exit 1, nothing on stdout, and each stderr line reads {@code file:line: message}. */
    private static void assertRefused(Lint lint, Path file, int line, String... messageParts) {
        assertThat(lint.exitCode()).as(lint.err()).isEqualTo(1);
        assertThat(lint.out()).isEmpty();
        assertThat(lint.err()).doesNotContain("Exception", "\tat ");
        assertThat(lint.err().lines())
                .allMatch(l -> l.matches(Pattern.quote(file.toString()) + ":\\d+: \\S.*"), "file:line: message")
                .anySatisfy(l -> assertThat(l).startsWith(file + ":" + line + ": ").contains(messageParts));
    }

    @Test
    void printsAnOutlineOfAGoodChecklist() throws IOException {
        Path checklist = file("release.md", """
                # Release
                ## Deploy
                - [x] Tag cut
                - [ ] Migrations applied
                  - [ ] Schema verified
                Release Decision: [ ] GO [ ] NO-GO
                ```bash
                kubectl get pods
                ```

                Approved by: QA Lead, DBA
                """);

        Lint lint = Lint.run("template", "lint", checklist.toString());

        assertThat(lint.exitCode()).isZero();
        assertThat(lint.err()).isEmpty();
        assertThat(lint.out()).startsWith("Release\n  3 items (1 pre-checked) in 1 sections, 1 gates, 2 approval roles\n")
                .contains("  Deploy  {deploy}\n",
                        "    [x] Tag cut  {deploy.tag-cut}\n",
                        "      [ ] Schema verified  {deploy.schema-verified}\n",
                        "    GATE Release Decision: GO / NO-GO\n",
                        "(how to verify: 2 lines of code kept)",
                        "Approval roles\n  QA Lead  {qa-lead}\n  DBA  {dba}\n")
                .doesNotContain("Warnings");
    }

    @Test
    void printsJsonWithJson() throws IOException {
        Path checklist = file("release.md", "# Release\n- [ ] Tag cut\n");

        Lint lint = Lint.run("template", "lint", "--json", checklist.toString());

        assertThat(lint.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(lint.out());
        assertThat(json.get("title").asText()).isEqualTo("Release");
        assertThat(json.get("sections").get(0).get("items").get(0).get("id").asText()).isEqualTo("release.tag-cut");
        assertThat(Lint.run("template", "lint", checklist.toString(), "--json").out()).isEqualTo(lint.out());
    }

    @Test
    void showsWarningsAsFileLineMessage() throws IOException {
        Path checklist = file("release.md", """
                # Release
                - [ ] Tag cut
                Approved: [ ] Yes [ ] No
                """);

        Lint lint = Lint.run("template", "lint", checklist.toString());

        assertThat(lint.exitCode()).isZero();
        assertThat(lint.out()).contains("\nWarnings\n  " + checklist + ":3: the choice 'Approved' (Yes / No)");
    }

    @Test
    void refusesAnEmptyFile() throws IOException {
        Path empty = file("empty.md", "");

        assertRefused(Lint.run("template", "lint", empty.toString()), empty, 1, "empty");
    }

    @Test
    void refusesAWhitespaceOnlyFile() throws IOException {
        Path blank = file("blank.md", "  \n\t\n\n   ");

        assertRefused(Lint.run("template", "lint", blank.toString()), blank, 1, "empty");
    }

    @Test
    void refusesABinaryFile() throws IOException {
        Path binary = file("image.md", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13});

        assertRefused(Lint.run("template", "lint", binary.toString()), binary, 3, "not a text file", "binary");
    }

    @Test
    void refusesAFileOfFiveMegabytesNamingItsSizeAndTheLimit() throws IOException {
        Path huge = file("huge.md", ("- [ ] item\n").repeat(5 * 1024 * 1024 / 11 + 1));

        assertRefused(Lint.run("template", "lint", huge.toString()), huge, 1, "5.0 MB", "at most 1.0 MB");
    }

    @Test
    void refusesAnUnclosedFenceNamingTheFencesLine() throws IOException {
        Path unclosed = file("unclosed.md", """
                # Release
                - [ ] Tag cut

                ~~~bash
                kubectl get pods
                ## Verify
                - [ ] Pods ready
                """);

        assertRefused(Lint.run("template", "lint", unclosed.toString()), unclosed, 4, "~~~", "never closed");
    }

    @Test
    void refusesAChecklistWithoutItems() throws IOException {
        Path noItems = file("notes.md", """
                # Release notes
                ## Changes
                - Faster search
                - Fewer bugs
                """);

        assertRefused(Lint.run("template", "lint", noItems.toString()), noItems, 1, "no checklist items", "- [ ]");
    }

    @Test
    void refusesADirectory() {
        assertRefused(Lint.run("template", "lint", dir.toString()), dir, 1, "is a directory");
    }

    @Test
    void refusesAMissingFile() {
        Path missing = dir.resolve("missing.md");

        assertRefused(Lint.run("template", "lint", missing.toString()), missing, 1, "no such file");
    }

    @Test
    void readsAWindows1252FileWithAWarning() throws IOException {
        Path latin = file("cafe.md", "# Caf\u00e9\n- [ ] caf\u00e9 open\n".getBytes(Charset.forName("windows-1252")));

        Lint lint = Lint.run("template", "lint", latin.toString());

        assertThat(lint.exitCode()).isZero();
        assertThat(lint.err()).isEmpty();
        assertThat(lint.out()).startsWith("Café\n").contains("[ ] café open",
                latin + ":1: the file is not valid UTF-8; it was read as Windows-1252");
    }

    @Test
    void readsAWindows1252FileAsJsonWithTheWarning() throws IOException {
        Path latin = file("cafe.md", "# Caf\u00e9\n- [ ] caf\u00e9 open\n".getBytes(Charset.forName("windows-1252")));

        Lint lint = Lint.run("template", "lint", latin.toString(), "--json");

        JsonNode warning = new ObjectMapper().readTree(lint.out().getBytes(StandardCharsets.UTF_8)).get("warnings").get(0);
        assertThat(warning.get("line").asInt()).isEqualTo(1);
        assertThat(warning.get("message").asText()).contains("Windows-1252");
    }

    @Test
    void wrongCommandLinesAreUsageErrors() {
        for (String[] args : new String[][] {
            {"template"}, {"template", "lint"}, {"template", "lint", "a.md", "b.md"}, {"template", "check", "a.md"},
            {"frobnicate"},
        }) {
            Lint lint = Lint.run(args);
            assertThat(lint.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(lint.err()).contains("template lint FILE [--json]").doesNotContain("Exception");
            assertThat(lint.out()).isEmpty();
        }
    }

    @Test
    void helpListsTheTemplateTool() {
        Lint lint = Lint.run("help");

        assertThat(lint.exitCode()).isZero();
        assertThat(lint.out()).contains("java -jar countdown.jar template lint FILE [--json]");
        assertThat(Countdown.tools().handles("template")).isTrue();
        assertThat(Countdown.tools().handles("--server.port=8080")).isFalse();
    }
}
