package dev.countdown.release;

import dev.countdown.manifest.ManifestReader;
import dev.countdown.manifest.ReleaseManifest;
import dev.countdown.manifest.TemplateCatalog;
import dev.countdown.manifest.TemplateSource;
import dev.countdown.source.SourceException;
import dev.countdown.source.SourceText;
import dev.countdown.template.TemplateParser;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The manifests in the manifests directory, read afresh whenever a release starts, so an edited
 * file takes effect for the next release and never for a running one.
 */
@Singleton
public class ManifestRegistry {

    /** A manifest found for a service, with the snapshot a new release keeps of it. */
    public record Found(DefinitionSnapshot snapshot, ManifestReader.Loaded loaded) {
    }

    private final Path manifestsDir;
    private final TemplateCatalog catalog;

    public ManifestRegistry(@Value("${countdown.manifests-dir:manifests}") String manifestsDir,
                            @Value("${countdown.templates-dir:checklist-templates}") String templatesDir) {
        this.manifestsDir = Path.of(manifestsDir);
        this.catalog = new TemplateCatalog(Optional.of(Path.of(templatesDir)));
    }

    /**
     * The manifest of {@code service}.
     *
     * @throws SourceException when no readable manifest names the service; says which files could not be read
     */
    public Found find(String service) throws SourceException {
        List<String> unreadable = new ArrayList<>();
        for (Found found : readAll(unreadable)) {
            if (found.loaded().manifest().service().equals(service)) {
                return found;
            }
        }
        String hint = unreadable.isEmpty() ? "" : "; these manifests could not be read: " + String.join(" | ", unreadable);
        throw new SourceException(manifestsDir.toString(), 1, "no manifest for service '" + service + "' in "
                + manifestsDir + hint);
    }

    /** Every manifest that reads without errors. */
    public List<ReleaseManifest> all() {
        return readAll(new ArrayList<>()).stream().map(f -> f.loaded().manifest()).toList();
    }

    /**
     * The services whose manifests bind a channel of a platform: Discord's channels for
     * {@code discord}, Slack's for any other (the playground stands in for a Slack channel).
     */
    public List<ReleaseManifest> inChannel(String platform, String channelId) {
        return readAll(new ArrayList<>()).stream().map(f -> f.loaded().manifest())
                .filter(m -> (platform.equals("discord") ? m.channels().discord() : m.channels().slack()).contains(channelId))
                .toList();
    }

    private List<Found> readAll(List<String> unreadable) {
        List<Found> all = new ArrayList<>();
        for (Path file : files()) {
            Map<String, String> templates = new LinkedHashMap<>();
            TemplateSource recording = (name, manifestFile) -> {
                Path path = catalog.resolve(name, manifestFile);
                SourceText text = SourceText.read(path, TemplateParser.MAX_BYTES, "Markdown checklist");
                templates.put(name, String.join("\n", text.lines()) + "\n");
                return new TemplateParser().parse(text);
            };
            try {
                SourceText text = SourceText.read(file, ManifestReader.MAX_BYTES, "release manifest (YAML)");
                ManifestReader.Loaded loaded = new ManifestReader(recording).read(file, text);
                String manifestText = String.join("\n", text.lines()) + "\n";
                all.add(new Found(new DefinitionSnapshot(file.getFileName().toString(), manifestText, templates), loaded));
            } catch (SourceException e) {
                unreadable.add(e.getMessage().lines().findFirst().orElse(file.toString()));
            }
        }
        return all;
    }

    private List<Path> files() {
        if (!Files.isDirectory(manifestsDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(manifestsDir)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .filter(f -> !f.getFileName().toString().startsWith("slack-app"))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
