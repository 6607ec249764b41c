package dev.countdown.chat;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A release whose view on a platform is behind; {@code generation} counts the changes since. */
@MappedEntity("chat_outbox")
public record OutboxEntry(@Id String id, String releaseId, String platform, long generation, Instant dueAt,
                          int attempts, @Nullable String lastError) {
}
