package dev.countdown.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.countdown.json.Json;
import com.slack.api.bolt.response.Response;
import dev.countdown.release.Limits;
import java.util.Arrays;
import java.util.Optional;

/**
 * What Countdown needs of a signed Slack request before it acts on it: the fields it uses, present
 * and within the core's {@link Limits}. Slack always sends them; a request without them is signed
 * but not Slack's doing, and gets a short answer rather than an exception.
 */
final class SlackInput {

    private static final ObjectMapper JSON = Json.MAPPER;

    private SlackInput() {
    }

    /** Why a field cannot be used: absent, or longer than {@code limit}. */
    static Optional<String> required(String field, String value, int limit) {
        if (value == null || value.isBlank()) {
            return Optional.of(field + " is missing");
        }
        return Limits.tooLong(field, value, limit);
    }

    /** Like {@link #required}, for a field Slack may leave out. */
    static Optional<String> optional(String field, String value, int limit) {
        return Limits.tooLong(field, value, limit);
    }

    @SafeVarargs
    static Optional<String> first(Optional<String>... problems) {
        return Arrays.stream(problems).flatMap(Optional::stream).findFirst();
    }

    /** HTTP 400 with a short JSON body: for a click, whose acknowledgement no person reads. */
    static Response badRequest(String problem) {
        String body = JSON.createObjectNode().put("error", "Countdown could not read this request: " + problem)
                .toString();
        return Response.builder().statusCode(400).contentType("application/json; charset=utf-8").body(body).build();
    }
}
