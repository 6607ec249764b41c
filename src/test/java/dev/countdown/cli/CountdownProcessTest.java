package dev.countdown.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.support.Fifos;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a person sees from the command line on the files that broke the readers. */
class CountdownProcessTest {

    @TempDir
    Path dir;

    private static void assertNoStackTrace(CountdownProcess run) {
        assertThat(run.out() + run.err()).doesNotContain("\tat ", "Exception", "Error:");
    }

    @Test
    void aChecklistWithATwoThousandCharacterRuleIsOutlined() throws Exception {
        Path checklist = Files.writeString(dir.resolve("release.md"),
                "# Release\n\n## Deploy\n- [ ] Tag cut\n" + "-".repeat(2_000) + "\n- [ ] Deployed\n");

        CountdownProcess run = CountdownProcess.run(dir, "template", "lint", checklist.toString());

        assertNoStackTrace(run);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("Release\n  2 items (0 pre-checked) in 1 sections")
                .contains("    [ ] Tag cut  {deploy.tag-cut}\n", "    [ ] Deployed  {deploy.deployed}\n");
    }

    @Test
    void aNamedPipeIsRefusedAtOnceOnOneLine() throws Exception {
        Path fifo = Fifos.make(dir.resolve("release.md"));

        CountdownProcess run = CountdownProcess.run(dir, "template", "lint", fifo.toString());

        assertNoStackTrace(run);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo(fifo + ":1: not a regular file; expected a Markdown checklist file,"
                + " not a named pipe, a device or a socket\n");
    }

    @Test
    void aManifestWhoseTemplateIsAPipeIsRefusedAtOnceNamingBoth() throws Exception {
        Path templates = Files.createDirectories(dir.resolve("checklist-templates"));
        Path fifo = Fifos.make(templates.resolve("web.md"));
        Path manifest = Files.writeString(dir.resolve("web.yaml"), """
                service: web
                template: web.md
                channels: { slack: [C0WEB0001] }
                roles: { qa-lead: { owners: { slack-users: [U0QA00001] } } }
                """);

        CountdownProcess run = CountdownProcess.run(dir, "manifest", "lint", manifest.toString(),
                "--templates", templates.toString());

        assertNoStackTrace(run);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo(manifest + ":2: template: cannot be used: " + fifo
                + ":1: not a regular file; expected a Markdown checklist file, not a named pipe, a device or a socket\n");
    }

    @Test
    void aToolsOwnFailureIsOneLineAndExitOne() {
        ToolCommand overflowing = new ToolCommand() {
            @Override
            public String name() {
                return "deep";
            }

            @Override
            public List<String> usage() {
                return List.of("deep");
            }

            @Override
            public int run(List<String> args, PrintStream out, PrintStream err) {
                return run(args, out, err);
            }
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = new ToolCommands(List.of(overflowing)).run(new String[] {"deep"}, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("countdown deep: failed: StackOverflowError\n");
    }
}
