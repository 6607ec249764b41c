package dev.countdown.manifest;

import static dev.countdown.manifest.Fixtures.MINIMAL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.Countdown;
import dev.countdown.cli.ToolCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code manifest lint} as a user runs it: exit codes, what is printed, and nothing leaks. */
class ManifestLintCommandTest {

    @TempDir
    Path dir;

    /** What one run printed. */
    record Run(int exit, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private Run lint(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Countdown.tools().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        Run run = new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        assertThat(run.err()).doesNotContain("Exception", "\tat ");
        return run;
    }

    private Run lintFile(Path file) {
        return lint("manifest", "lint", file.toString(), "--templates", Fixtures.templates(dir).toString());
    }

    @Test
    void validManifestPrintsItsOutline() {
        Run run = lintFile(Fixtures.manifest(dir, ManifestReaderTest.FULL));

        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("portal-api  (")
                .contains("template: go-no-go.md — Portal API release, 4 items, 0 gates")
                .contains("QA Lead {qa-lead}: 1 approval(s) of <@U012AB3CD>, <!subteam^S0123ABC>")
                .contains("Head of Backend {backend-lead}: 2 approval(s) of discord user 223456789012345678")
                .contains("start: <@U099ZZZZZ>, owners of qa-lead")
                .contains("health (http): timeout 5s, fresh for 10m, sets [deploy.canary-healthy]")
                .contains("backups (sql): timeout 10s, fresh for 1h30m, sets [pre-release.backups-verified]")
                .contains("review band: from 90% passing, a GO needs [cto]")
                .contains("override: {cto=1, backend-lead=2}")
                .contains("Reads from the environment when used: PORTAL_HOST, PORTAL_TOKEN, DB_URL, DB_PASSWORD,"
                        + " GITHUB_TOKEN, DEPLOY_TOKEN");
    }

    @Test
    void environmentValuesAreNeverPrinted() {
        Map.Entry<String, String> variable = System.getenv().entrySet().stream()
                .filter(e -> e.getKey().matches("[A-Z_][A-Z0-9_]*") && e.getValue().length() >= 8)
                .filter(e -> !dir.toString().contains(e.getValue()))
                .findFirst().orElseThrow(() -> new AssertionError("the test needs one environment variable"));
        String yaml = MINIMAL + """
                probes:
                  health:
                    type: http
                    url: https://example.com/health
                    headers:
                      Authorization: Bearer ${%s}
                """.formatted(variable.getKey());

        Run run = lintFile(Fixtures.manifest(dir, yaml));

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Reads from the environment when used: " + variable.getKey())
                .doesNotContain(variable.getValue());
    }

    @Test
    void warningsAreShownWithTheOutline() {
        String yaml = MINIMAL + """
                rollback:
                  action:
                    url: https://deploy.example.com/rollback
                    headers: {Authorization: Basic dXNlcjpwYXNz}
                """;
        Path file = Fixtures.manifest(dir, yaml);

        Run run = lintFile(file);

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Warnings\n  " + file + ":12: rollback.action.headers.Authorization: looks like"
                + " a secret written in the file");
    }

    @Test
    void invalidManifestExitsOneWithFileLineFieldOnStderr() {
        Path file = Fixtures.manifest(dir, MINIMAL + "    approvals: two\nprobes:\n  health:\n    type: http\n");

        Run run = lintFile(file);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(
                file + ":9: roles.qa-lead.approvals: expected a whole number from 1 to 50, got \"two\"",
                file + ":11: probes.health.url: missing; expected an http:// or https:// URL");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(lint("manifest").exit()).isEqualTo(ToolCommand.USAGE);
        assertThat(lint("manifest", "check", "x.yaml").exit()).isEqualTo(ToolCommand.USAGE);
        assertThat(lint("manifest", "lint").exit()).isEqualTo(ToolCommand.USAGE);
        assertThat(lint("manifest", "lint", "a.yaml", "b.yaml").exit()).isEqualTo(ToolCommand.USAGE);
        Run missingDirectory = lint("manifest", "lint", "a.yaml", "--templates");
        assertThat(missingDirectory.exit()).isEqualTo(ToolCommand.USAGE);
        assertThat(missingDirectory.err()).startsWith("usage: countdown manifest lint FILE [--templates DIR]");
    }

    @Test
    void templatesOptionMayComeFirst() {
        Path file = Fixtures.manifest(dir, MINIMAL);

        Run run = lint("manifest", "--templates", Fixtures.templates(dir).toString(), "lint", file.toString());

        assertThat(run.exit()).isZero();
    }

    @Test
    void missingTemplateIsAFileLineError() {
        Path file = Fixtures.manifest(dir, MINIMAL.replace("go-no-go.md", "go-live.md"));

        Run run = lintFile(file);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith(file + ":2: template: cannot be used: ").endsWith("no such template file");
    }

    @Test
    void emptyFile() throws IOException {
        assertOneClearError(Files.writeString(dir.resolve("empty.yaml"), ""),
                "the file is empty; expected a release manifest (YAML)");
        assertOneClearError(Files.writeString(dir.resolve("blank.yaml"), "\n   \n\n"),
                "the file is empty; expected a release manifest (YAML)");
    }

    @Test
    void binaryFile() throws IOException {
        Path file = Files.write(dir.resolve("release.yaml"), new byte[] {'P', 'K', 3, 4, 0, 0, 8, 0, (byte) 0xFF});

        assertOneClearError(file, "this is not a text file: it has binary content");
    }

    @Test
    void oneMegabyteFile() throws IOException {
        StringBuilder yaml = new StringBuilder(MINIMAL).append("description: >\n");
        while (yaml.length() < 1024 * 1024) {
            yaml.append("  padding padding padding padding padding padding padding padding\n");
        }
        Path file = Files.writeString(dir.resolve("huge.yaml"), yaml);

        assertOneClearError(file, "the file is 1.0 MB; a release manifest (YAML) may be at most 256 KB");
    }

    @Test
    void directory() throws IOException {
        assertOneClearError(Files.createDirectories(dir.resolve("manifests.yaml")),
                "is a directory; expected a release manifest (YAML) file");
    }

    @Test
    void missingFile() {
        assertOneClearError(dir.resolve("nope.yaml"), "no such file");
    }

    @Test
    void yamlSyntaxError() throws IOException {
        Path file = Files.writeString(dir.resolve("broken.yaml"), "service: portal-api\nroles: {qa-lead: \n");

        Run run = lintFile(file);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString().startsWith(file + ":2: not valid YAML: ");
    }

    @Test
    void malformedInputsNeverFailWithAnException() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(Files.writeString(dir.resolve("scalar.yaml"), "portal-api\n"));
        files.add(Files.writeString(dir.resolve("null.yaml"), "~\n"));
        files.add(Files.writeString(dir.resolve("numbers.yaml"), "1: 2\n3: [4, 5]\n"));
        files.add(Files.writeString(dir.resolve("types.yaml"), """
                service: 42
                template: [a, b]
                channels: {slack: {id: C0123ABCD}, discord: [[1]]}
                roles: {qa-lead: [x], cto: {owners: [U012AB3CD], approvals: [1]}}
                permissions: [start]
                probes: {a: [http], b: {type: [http]}, c: {type: sql, expect: [1]}, d: {type: http, expect: {json: [1]}}}
                bindings: {a: {b: c}}
                policy: {quorum: [1], review-band: 90, override: {requires: 1}, optional-items: {a: b}}
                rollback: {action: [webhook], triggers: {a: b}}
                """));
        files.add(Files.write(dir.resolve("latin1.yaml"), "service: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1)));
        files.add(Files.write(dir.resolve("utf16.yaml"), ("\uFEFF" + MINIMAL).getBytes(StandardCharsets.UTF_16)));

        for (Path file : files) {
            Run run = lintFile(file);
            assertThat(run.exit()).as(file.getFileName().toString()).isIn(0, 1);
            assertThat(run.errLines()).as(file.getFileName().toString())
                    .allSatisfy(line -> assertThat(line).matches(java.util.regex.Pattern.quote(file.toString())
                            + ":\\d+: .+"));
        }
    }

    private void assertOneClearError(Path file, String message) {
        Run run = lintFile(file);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).singleElement().asString().startsWith(file + ":1: " + message);
    }
}
