package dev.countdown.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.core.annotation.Nullable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Guards the REST API's writes with the configured bearer token ({@code countdown.api.token}).
 * Without a token configured, writes are refused: an open write API would let anyone act as anyone.
 */
@ServerFilter("/api/**")
class ApiTokenFilter {

    private final byte[] token;

    ApiTokenFilter(@Value("${countdown.api.token:}") String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @RequestFilter
    @Nullable
    MutableHttpResponse<ApiError> check(HttpRequest<?> request) {
        if (request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD) {
            return null;
        }
        if (token.length == 0) {
            return HttpResponse.<ApiError>status(io.micronaut.http.HttpStatus.FORBIDDEN)
                    .body(new ApiError(403, "The write API is off: set COUNTDOWN_API_TOKEN (countdown.api.token).", null));
        }
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        byte[] offered = header != null && header.startsWith("Bearer ")
                ? header.substring(7).strip().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(offered, token)) {
            return HttpResponse.<ApiError>unauthorized()
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"countdown\"")
                    .body(new ApiError(401, header == null ? "A bearer token is required: Authorization: Bearer <token>."
                            : "The bearer token is not valid.", null));
        }
        return null;
    }
}
