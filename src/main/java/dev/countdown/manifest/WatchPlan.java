package dev.countdown.manifest;

import java.time.Duration;
import java.util.List;

/**
 * The watch after a GO: for {@code window}, the abort-criteria {@code probes} re-run every
 * {@code every}; {@code failures} failed runs in a row of one of them raise an alert on the release
 * that recommends a rollback.
 */
public record WatchPlan(Duration window, Duration every, List<String> probes, int failures) {

    public WatchPlan {
        probes = List.copyOf(probes);
    }
}
