package dev.countdown.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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
}
