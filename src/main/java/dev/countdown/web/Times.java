package dev.countdown.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Times as a page first shows them, in UTC; the page's script then shows them in the viewer's
 * time zone, as "5 min ago" with the exact time on hover.
 */
public final class Times {

    private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Times() {
    }

    public static String exact(Instant at) {
        return at == null ? "" : EXACT.format(at);
    }

    /** For the {@code datetime} attribute, which the script reads. */
    public static String iso(Instant at) {
        return at == null ? "" : at.toString();
    }
}
