package dev.countdown.release;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** That a command with this idempotency key was handled, and what came of it. */
@MappedEntity("command_receipt")
public record CommandReceipt(@Id String idempotencyKey, @Nullable String releaseId, String outcome, String message,
                             Instant createdAt) {
}
