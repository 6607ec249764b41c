package dev.countdown.web;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may read: with a read token ({@code countdown.api.read-token}) set, whoever offers it or the
 * API token, as a bearer token or as the password of HTTP Basic (any user name, so a browser can
 * ask for it). Without one, reads are open, which is said at start-up when the port is reachable
 * from elsewhere.
 */
@Context
class ReadAccess {

    private static final Logger LOG = LoggerFactory.getLogger(ReadAccess.class);

    private final byte[] readToken;
    private final byte[] apiToken;

    ReadAccess(@Value("${countdown.api.read-token:}") String readToken, @Value("${countdown.api.token:}") String apiToken,
               @Value("${micronaut.server.host:}") String host) {
        this.readToken = readToken.isEmpty() ? null : digest(readToken);
        this.apiToken = apiToken.isEmpty() ? null : digest(apiToken);
        if (this.readToken == null && !loopback(host)) {
            LOG.warn("reads are open: anyone who can reach {} can list releases, read their evidence and open the "
                    + "dashboard; set COUNTDOWN_READ_TOKEN (countdown.api.read-token) to require a token",
                    host.isBlank() ? "this port" : host);
        }
    }

    boolean guarded() {
        return readToken != null;
    }

    /** Whether an {@code Authorization} header carries the read token or the API token. */
    boolean admits(String authorization) {
        if (authorization == null) {
            return false;
        }
        String offered;
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            offered = authorization.substring(7).strip();
        } else if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            offered = basicPassword(authorization.substring(6).strip());
        } else {
            return false;
        }
        if (offered == null || offered.isEmpty()) {
            return false;
        }
        // Digests of equal length, compared in constant time: neither a token nor its length leaks.
        byte[] digest = digest(offered);
        boolean read = MessageDigest.isEqual(digest, readToken);
        boolean api = apiToken != null && MessageDigest.isEqual(digest, apiToken);
        return read | api;
    }

    private static String basicPassword(String encoded) {
        try {
            String pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? null : pair.substring(colon + 1);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loopback by its name or address; any other name is taken as reachable (resolving it would ask DNS). */
    static boolean loopback(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        if (h.matches("[0-9.]+") || h.matches("\\[?[0-9a-f:.]+]?") && h.contains(":")) {
            try {
                return InetAddress.getByName(h.replace("[", "").replace("]", "")).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }
}
