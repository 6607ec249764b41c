package dev.countdown.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;

/**
 * Errors Micronaut answers itself (malformed JSON, wrong content type, no such route) get the
 * same {@code {"status", "error"}} body as the API's own, so scripts read one shape.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
class ApiErrorBodyProvider implements JsonErrorResponseBodyProvider<ApiError> {

    private static final int MAX = 300;

    @Override
    public ApiError body(ErrorContext context, HttpResponse<?> response) {
        String message = context.getErrors().isEmpty() ? response.getStatus().getReason()
                : context.getErrors().getFirst().getMessage();
        // Jackson appends where in the source it stopped; the first line is what a person needs. Some
        // messages quote what was sent (a value that failed to convert): a line is cut, never echoed whole.
        String first = message.lines().findFirst().orElse(message);
        return new ApiError(response.getStatus().getCode(), first.length() <= MAX ? first : first.substring(0, MAX) + "…",
                null);
    }
}
