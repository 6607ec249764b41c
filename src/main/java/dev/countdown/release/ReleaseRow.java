package dev.countdown.release;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;

/** A release as stored: its document and the columns lists filter on; {@code rowVersion} is the optimistic lock. */
@MappedEntity("releases")
public record ReleaseRow(
        @Id String id,
        String service,
        String version,
        String state,
        @Nullable String openKey,
        String definitionHash,
        String document,
        int eventCount,
        String headHash,
        @Version Long rowVersion,
        Instant createdAt,
        Instant updatedAt) {
}
