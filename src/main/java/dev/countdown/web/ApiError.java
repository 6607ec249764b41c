package dev.countdown.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** Every API error: a status and a message a person can act on. */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
@Serdeable
record ApiError(int status, String error, @Nullable String releaseId) {
}
