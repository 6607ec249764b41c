package dev.countdown.release;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start, off the start-up path: every release's row must count the events its audit trail
 * holds. A row behind its trail makes each later click on that release lose its race on
 * {@code audit_event (release_id, seq)} until the retries run out (issue 14 saw it once, under
 * 100 % CPU); no click can mend it, so it is said loudly, with what to do, and counted in
 * {@code countdown.releases.inconsistent} for an alert.
 */
@Singleton
class TrailConsistencyCheck {

    private static final Logger LOG = LoggerFactory.getLogger(TrailConsistencyCheck.class);

    private final ReleaseRowRepository releases;
    private final AtomicLong inconsistent = new AtomicLong();

    TrailConsistencyCheck(ReleaseRowRepository releases, MeterRegistry metrics) {
        this.releases = releases;
        Gauge.builder("countdown.releases.inconsistent", inconsistent, AtomicLong::get)
                .description("Releases whose row disagrees with their audit trail, as found at start").register(metrics);
    }

    @EventListener
    void onStartup(StartupEvent event) {
        Thread.ofVirtual().name("trail-consistency").start(this::check);
    }

    /** The releases found disagreeing (at most 100). */
    List<String> check() {
        List<String> found;
        try {
            found = releases.findIdsDisagreeingWithTheirTrail();
        } catch (RuntimeException e) {
            LOG.warn("Could not check the releases against their audit trails at start: {}", e.getMessage());
            return List.of();
        }
        inconsistent.set(found.size());
        if (!found.isEmpty()) {
            LOG.error("{}{} release(s) disagree with their own audit trail: {}. Clicks on them will fail. Export each "
                    + "one's evidence (GET /api/releases/<id>/evidence) and check it with `evidence verify`, then "
                    + "see docs/reliability.md, \"A release that disagrees with its trail\".",
                    found.size(), found.size() == 100 ? " or more" : "", String.join(", ", found));
        }
        return found;
    }
}
