package dev.countdown.manifest;

import dev.countdown.source.SourceException;
import dev.countdown.template.ChecklistTemplate;
import dev.countdown.template.TemplateParser;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the checklist a manifest names. A bare file name is looked up in the templates directory
 * (given, or {@code checklist-templates/} beside the manifests' directory, or in the working
 * directory); a name with a '/' is a path relative to the manifest file.
 */
public final class TemplateCatalog implements TemplateSource {

    public static final String DEFAULT_DIRECTORY = "checklist-templates";

    private final Optional<Path> directory;
    private final TemplateParser parser = new TemplateParser();

    public TemplateCatalog(Optional<Path> directory) {
        this.directory = directory;
    }

    public Path resolve(String name, Path manifestFile) {
        Path manifestDir = manifestFile.toAbsolutePath().getParent();
        if (name.contains("/")) {
            return manifestDir.resolve(name).normalize();
        }
        if (directory.isPresent()) {
            return directory.get().resolve(name);
        }
        Path besideManifests = manifestDir.resolveSibling(DEFAULT_DIRECTORY).resolve(name);
        return Files.exists(besideManifests) ? besideManifests : Path.of(DEFAULT_DIRECTORY).resolve(name);
    }

    /** As {@link #resolve}, but a name no file system accepts (a NUL in it, say) is the manifest's problem. */
    public Path locate(String name, Path manifestFile) throws SourceException {
        try {
            return resolve(name, manifestFile);
        } catch (InvalidPathException e) {
            throw new SourceException(name, 1, "not a usable file name: " + e.getReason());
        }
    }

    @Override
    public ChecklistTemplate load(String name, Path manifestFile) throws SourceException {
        Path file = locate(name, manifestFile);
        // only a missing file is "no such file": a directory or a pipe is refused, naming what it is, by the reading
        if (!Files.exists(file)) {
            throw new SourceException(file.toString(), 1, "no such template file" + searched(name, manifestFile));
        }
        return parser.parse(file);
    }

    /** Without --templates two directories were tried; naming only the last would mislead. */
    private String searched(String name, Path manifestFile) {
        if (name.contains("/") || directory.isPresent()) {
            return "";
        }
        Path besideManifests = manifestFile.toAbsolutePath().getParent().resolveSibling(DEFAULT_DIRECTORY);
        Path workingDirectory = Path.of(DEFAULT_DIRECTORY).toAbsolutePath();
        return besideManifests.equals(workingDirectory) ? ""
                : "; looked in " + besideManifests + " and " + workingDirectory + "; name another with --templates DIR";
    }
}
