package dev.countdown.release;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A stored {@link DefinitionSnapshot}: the files a release started with, keyed by their hash. */
@MappedEntity("release_definition")
public record DefinitionRow(@Id String hash, String service, String snapshot, Instant createdAt) {
}
