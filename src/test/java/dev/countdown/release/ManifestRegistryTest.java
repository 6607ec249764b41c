package dev.countdown.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.countdown.manifest.ReleaseManifest;
import dev.countdown.source.SourceException;
import dev.countdown.support.Fifos;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestRegistryTest {

    @TempDir
    Path dir;

    @Test
    void readsAFileAgainOnlyWhenItOrItsTemplateChanged() throws Exception {
        Path templates = Files.createDirectories(dir.resolve("checklist-templates"));
        Path manifests = Files.createDirectories(dir.resolve("manifests"));
        Path template = Files.writeString(templates.resolve("web.md"), "# Web\n\n## Checks\n\n- [ ] One\n");
        Files.writeString(manifests.resolve("web.yaml"), """
                service: web
                template: web.md
                channels: { slack: [C0WEB0001] }
                roles: { qa-lead: { owners: { slack-users: [U0QA00001] } } }
                """);
        ManifestRegistry registry = new ManifestRegistry(manifests.toString(), templates.toString());
        ManifestRegistry.Found first = registry.find("web");
        assertThat(registry.find("web")).as("unchanged files are not read again").isSameAs(first);

        Files.writeString(template, "# Web\n\n## Checks\n\n- [ ] One\n- [ ] Two\n");
        Files.setLastModifiedTime(template, FileTime.from(Instant.now().plusSeconds(5)));
        ManifestRegistry.Found edited = registry.find("web");
        assertThat(edited.loaded().template().items()).hasSize(2);
        assertThat(edited.snapshot().hash()).isNotEqualTo(first.snapshot().hash());
        assertThat(first.loaded().template().items()).as("what a running release holds is untouched").hasSize(1);
    }

    private static String manifest(String service, String template, String channel) {
        return """
                service: %s
                template: %s
                channels: { slack: [%s] }
                roles: { qa-lead: { owners: { slack-users: [U0QA00001] } } }
                """.formatted(service, template, channel);
    }

    @Test
    void aManifestThatCannotBeUsedSpoilsNoOther() throws Exception {
        Path templates = Files.createDirectories(dir.resolve("checklist-templates"));
        Path manifests = Files.createDirectories(dir.resolve("manifests"));
        Files.writeString(templates.resolve("web.md"), "# Web\n\n- [ ] One\n");
        Path fence = Files.writeString(templates.resolve("fence.md"),
                "# Fence\n" + "-".repeat(2_000) + "\n- [ ] One\n```\n- [ ] Two\n");
        Path pipe = Fifos.make(templates.resolve("pipe.md"));
        Files.writeString(manifests.resolve("web.yaml"), manifest("web", "web.md", "C0WEB0001"));
        Path fenced = Files.writeString(manifests.resolve("fenced.yaml"), manifest("fenced", "fence.md", "C0WEB0001"));
        Path piped = Files.writeString(manifests.resolve("piped.yaml"), manifest("piped", "pipe.md", "C0WEB0001"));
        Path pipedManifest = Fifos.make(manifests.resolve("zz-pipe.yaml"));
        ManifestRegistry registry = new ManifestRegistry(manifests.toString(), templates.toString());

        ManifestRegistry.Found web = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> registry.find("web"));

        assertThat(web.loaded().manifest().service()).isEqualTo("web");
        assertThat(registry.all()).extracting(ReleaseManifest::service).containsExactly("web");
        assertThat(registry.inChannel(Platform.SLACK, "C0WEB0001")).extracting(ReleaseManifest::service).containsExactly("web");
        assertThat(registry.problems()).containsExactly(
                fenced + ":2: template: cannot be used: " + fence + ":4: code fence ``` opened here is never closed;"
                        + " close it with a line of ``` so the headings and items after it are read",
                piped + ":2: template: cannot be used: " + pipe + ":1: not a regular file; expected a Markdown"
                        + " checklist file, not a named pipe, a device or a socket",
                pipedManifest + ":1: not a regular file; expected a release manifest (YAML) file, not a named pipe,"
                        + " a device or a socket");
        SourceException e = catchThrowableOfType(SourceException.class, () -> registry.find("fenced"));
        assertThat(e.problems().getFirst().message()).startsWith("no manifest for service 'fenced' in " + manifests)
                .contains(fenced + ":2: template: cannot be used: " + fence + ":4: code fence");
    }

    @Test
    void aGoodDirectoryHasNoProblems() throws Exception {
        Path templates = Files.createDirectories(dir.resolve("checklist-templates"));
        Path manifests = Files.createDirectories(dir.resolve("manifests"));
        Files.writeString(templates.resolve("web.md"), "# Web\n\n- [ ] One\n");
        Files.writeString(manifests.resolve("web.yaml"), manifest("web", "web.md", "C0WEB0001"));

        assertThat(new ManifestRegistry(manifests.toString(), templates.toString()).problems()).isEmpty();
    }
}
