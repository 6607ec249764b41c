package dev.countdown.probe;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLException;

/** Turns the ways a network call fails into one line a person can act on. */
final class Unreachable {

    private Unreachable() {
    }

    static Finding describe(IOException e, String target, Duration timeout) {
        return Finding.error(summary(e, target, timeout));
    }

    static String summary(IOException e, String target, Duration timeout) {
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            return "timed out after " + Durations.human(timeout) + " waiting for " + target;
        }
        if (e instanceof UnknownHostException) {
            return "unknown host: " + target;
        }
        if (e instanceof ConnectException) {
            return "could not connect to " + target + ": connection refused";
        }
        if (e instanceof NoRouteToHostException) {
            return "could not connect to " + target + ": no route to host";
        }
        if (e instanceof SSLException) {
            return "TLS with " + target + " failed: " + rootMessage(e);
        }
        return "request to " + target + " failed: " + rootMessage(e);
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : oneLine(message);
    }

    static String oneLine(String text) {
        String line = text.strip().replaceAll("\\s*\\R\\s*", " ");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
