package dev.countdown.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** What a write call did: {@code applied}, or {@code repeated} when its idempotency key was seen before. */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
@Serdeable
record CommandResponse(String outcome, String message, @Nullable ReleaseJson release) {
}
