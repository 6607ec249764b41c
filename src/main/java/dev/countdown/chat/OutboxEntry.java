package dev.countdown.chat;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import dev.countdown.release.Platform;
import java.time.Instant;

/** A release whose view on a platform is behind; {@code generation} counts the changes since. */
@MappedEntity("chat_outbox")
public record OutboxEntry(@Id String id, String releaseId, @TypeDef(type = DataType.STRING, converter = PlatformColumn.class) Platform platform, long generation, Instant dueAt,
                          int attempts, @Nullable String lastError) {
}
