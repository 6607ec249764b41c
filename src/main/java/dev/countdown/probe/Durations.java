package dev.countdown.probe;

import java.time.Duration;

/** Durations as the manifests write them: 500ms, 5s, 1m30s, 2h, 3d. */
final class Durations {

    private Durations() {
    }

    static String human(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + "ms";
        }
        if (millis % 1000 != 0) {
            return String.format(java.util.Locale.ROOT, "%.1fs", millis / 1000.0);
        }
        long seconds = duration.toSeconds();
        StringBuilder out = new StringBuilder();
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        if (days > 0) {
            out.append(days).append('d');
        }
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (minutes > 0) {
            out.append(minutes).append('m');
        }
        if (rest > 0) {
            out.append(rest).append('s');
        }
        return out.toString();
    }

    /** "3h20m ago", to the minute; "just now" under a minute. */
    static String ago(Duration age) {
        long minutes = age.toMinutes();
        return minutes < 1 ? "just now" : human(Duration.ofMinutes(minutes)) + " ago";
    }

    /** "41 ms" for latencies, as people read them beside a status. */
    static String millis(Duration duration) {
        return duration.toMillis() + " ms";
    }
}
