package dev.countdown.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.regex.Pattern;

/**
 * With a read token set, every request needs it (see {@link ReadAccess}): the API's reads, the
 * dashboard, its live updates and evidence, the playground. Left out: what must answer without
 * it ({@code /health}, {@code /prometheus}, the static files), Slack's signed requests, and the
 * API's writes, which {@link ApiTokenFilter} guards with the API token.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class ReadTokenFilter implements Ordered {

    /** After the headers filter, so its refusals carry the same security headers. */
    static final int ORDER = SecurityHeadersFilter.ORDER + 1;

    private static final Pattern PLAIN_PATH = Pattern.compile("[A-Za-z0-9/._-]*");

    private final ReadAccess access;
    private final Pages pages;

    ReadTokenFilter(ReadAccess access, Pages pages) {
        this.access = access;
        this.pages = pages;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @RequestFilter
    @Nullable
    MutableHttpResponse<?> check(HttpRequest<?> request) {
        String path = request.getPath();
        if (!access.guarded() || exempt(path) || apiWrite(request, path)
                || access.admits(request.getHeaders().get(HttpHeaders.AUTHORIZATION))) {
            return null;
        }
        String message = request.getHeaders().contains(HttpHeaders.AUTHORIZATION)
                ? "The token is not valid." : "This Countdown needs its read token.";
        if (path.startsWith("/api/")) {
            // Basic too, so a browser following an evidence link asks for the token instead of failing.
            return HttpResponse.<ApiError>unauthorized()
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"countdown\"")
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"countdown\", charset=\"UTF-8\"")
                    .body(new ApiError(401, message + " Send Authorization: Bearer <COUNTDOWN_READ_TOKEN or "
                            + "COUNTDOWN_API_TOKEN>.", null));
        }
        return HttpResponse.<String>unauthorized()
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"countdown\", charset=\"UTF-8\"")
                .contentType(MediaType.TEXT_HTML_TYPE)
                .body(pages.render("sign-in", "message", message));
    }

    private static boolean exempt(String path) {
        if (!PLAIN_PATH.matcher(path).matches() || path.contains("..")) {
            return false;
        }
        return path.equals("/health") || path.startsWith("/health/") || path.startsWith("/static/")
                || path.equals("/slack/events") || path.equals("/prometheus");
    }

    private static boolean apiWrite(HttpRequest<?> request, String path) {
        return path.startsWith("/api/") && request.getMethod() != HttpMethod.GET && request.getMethod() != HttpMethod.HEAD;
    }
}
