package dev.countdown.manifest;

import dev.countdown.source.SourceException;
import dev.countdown.template.ChecklistTemplate;
import java.nio.file.Path;

/** Where a manifest's templates come from: files on disk, or a running release's snapshot. */
@FunctionalInterface
public interface TemplateSource {

    /** The template a manifest names as {@code name}; {@code manifestFile} anchors relative names. */
    ChecklistTemplate load(String name, Path manifestFile) throws SourceException;
}
