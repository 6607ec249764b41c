package dev.countdown.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Every response says {@code nosniff}, and gets the pages' strict Content-Security-Policy unless
 * it brings its own (the printable evidence does). The policy goes on every response, not only on
 * those known to be HTML: harmless on JSON or CSS, and no page can slip through without it.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class SecurityHeadersFilter implements Ordered {

    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    /** Scripts and styles only from /static; no inline script or style, no plugins, no framing. */
    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    static final String CSP = "Content-Security-Policy";

    @Override
    public int getOrder() {
        return ORDER;
    }

    @ResponseFilter
    void headers(MutableHttpResponse<?> response) {
        response.header("X-Content-Type-Options", "nosniff");
        if (!response.getHeaders().contains(CSP)) {
            response.header(CSP, POLICY);
        }
    }
}
