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
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The manifests in the manifests directory. A file is read again as soon as it, or a template it
 * names, changes on disk, so an edit takes effect for the next release and never for a running one.
 * Each file stands alone: one that cannot be used, for whatever reason, is reported as that file's
 * problems while every other service keeps starting releases.
 */
@Singleton
public class ManifestRegistry {

    /** A manifest found for a service, with the snapshot a new release keeps of it. */
    public record Found(DefinitionSnapshot snapshot, ManifestReader.Loaded loaded) {
    }

    private final Path manifestsDir;
    private final TemplateCatalog catalog;
    private final Map<Path, Read> cache = new java.util.concurrent.ConcurrentHashMap<>();

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
        List<List<String>> unreadable = new ArrayList<>();
        for (Found found : readAll(unreadable)) {
            if (found.loaded().manifest().service().equals(service)) {
                return found;
            }
        }
        String hint = unreadable.isEmpty() ? "" : "; these manifests could not be read: "
                + String.join(" | ", unreadable.stream().map(List::getFirst).toList());
        throw new SourceException(manifestsDir.toString(), 1, "no manifest for service '" + service + "' in "
                + manifestsDir + hint);
    }

    /** Where the manifests are read from, as configured. */
    public Path manifestsDir() {
        return manifestsDir;
    }

    /**
     * What keeps each manifest file that cannot be used from being used: one {@code file:line: message}
     * per problem, file after file; empty when every manifest reads.
     */
    public List<String> problems() {
        List<List<String>> unreadable = new ArrayList<>();
        readAll(unreadable);
        return unreadable.stream().flatMap(List::stream).toList();
    }

    /** Every manifest that reads without errors. */
    public List<ReleaseManifest> all() {
        return readAll(new ArrayList<>()).stream().map(f -> f.loaded().manifest()).toList();
    }

    /**
     * The services whose manifests bind a channel of a platform (the playground's channels are
     * the manifests' Slack channels).
     */
    public List<ReleaseManifest> inChannel(Platform platform, String channelId) {
        return readAll(new ArrayList<>()).stream().map(f -> f.loaded().manifest())
                .filter(m -> (switch (platform.channelsOf()) {
                    case DISCORD -> m.channels().discord();
                    case SLACK, PLAYGROUND -> m.channels().slack();
                }).contains(channelId))
                .toList();
    }

    private List<Found> readAll(List<List<String>> unreadable) {
        List<Found> all = new ArrayList<>();
        for (Path file : files()) {
            Read read = cache.compute(file, (path, cached) -> cached != null && cached.current() ? cached : read(path));
            read.found().ifPresent(all::add);
            if (!read.problems().isEmpty()) {
                unreadable.add(read.problems());
            }
        }
        cache.keySet().retainAll(files());
        return all;
    }

    /**
     * One manifest file as last read, with the times of every file it was read from: while none
     * has changed, a command costs a few file-system stats instead of reading and parsing again.
     */
    private record Read(Map<Path, FileTime> sources, Optional<Found> found, List<String> problems) {
        boolean current() {
            return sources.entrySet().stream().allMatch(e -> e.getValue().equals(modified(e.getKey())));
        }
    }

    private Read read(Path file) {
        Map<String, String> templates = new LinkedHashMap<>();
        Map<Path, FileTime> sources = new LinkedHashMap<>();
        sources.put(file, modified(file));
        TemplateSource recording = (name, manifestFile) -> {
            Path path = catalog.locate(name, manifestFile);
            sources.put(path, modified(path));
            SourceText text = SourceText.read(path, TemplateParser.MAX_BYTES, "Markdown checklist");
            templates.put(name, String.join("\n", text.lines()) + "\n");
            return new TemplateParser().parse(text);
        };
        try {
            SourceText text = SourceText.read(file, ManifestReader.MAX_BYTES, "release manifest (YAML)");
            ManifestReader.Loaded loaded = new ManifestReader(recording).read(file, text);
            String manifestText = String.join("\n", text.lines()) + "\n";
            return new Read(sources, Optional.of(new Found(new DefinitionSnapshot(file.getFileName().toString(),
                    manifestText, templates), loaded)), List.of());
        } catch (SourceException e) {
            List<String> problems = e.problems().stream().map(p -> p.format(e.file())).toList();
            return new Read(sources, Optional.empty(), problems.isEmpty() ? List.of(file + ":1: cannot be used") : problems);
        } catch (RuntimeException | StackOverflowError e) {
            // the readers report their own failures by line; this is the last guard, for this file alone
            return new Read(sources, Optional.empty(), List.of(SourceException.unexpected(file.toString(), 1, e)
                    .getMessage()));
        }
    }

    private static FileTime modified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
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
