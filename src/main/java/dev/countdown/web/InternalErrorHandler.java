package dev.countdown.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer to an exception nothing else handles: a 500 with a reference and no internal text
 * (an exception's message may hold SQL, a path or what a user sent), while the log keeps the
 * stack trace under the same reference. Micronaut picks the handler of the closest exception
 * type, so its own handlers (malformed JSON, conversion errors, 404, 405, 413, ...) and the
 * controllers' {@code @Error} methods still answer first.
 */
@Singleton
@Produces
@Requires(classes = {Throwable.class, ExceptionHandler.class})
class InternalErrorHandler implements ExceptionHandler<Throwable, HttpResponse<ApiError>> {

    private static final Logger LOG = LoggerFactory.getLogger(InternalErrorHandler.class);
    private final SecureRandom random = new SecureRandom();

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, Throwable exception) {
        byte[] bytes = new byte[4];
        random.nextBytes(bytes);
        String reference = HexFormat.of().withUpperCase().formatHex(bytes);
        LOG.error("Internal error (reference {}) on {} {}", reference, request.getMethodName(), request.getPath(),
                exception);
        return HttpResponse.serverError(new ApiError(500, "Internal error (reference " + reference
                + "); see the server log", null));
    }
}
