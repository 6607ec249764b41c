package dev.countdown.probe;

import dev.countdown.manifest.ProbeSpec;
import dev.countdown.manifest.WatchPlan;
import dev.countdown.release.Actor;
import dev.countdown.release.DecisionRecord;
import dev.countdown.release.IdentitySource;
import dev.countdown.release.LoadedRelease;
import dev.countdown.release.Outcome;
import dev.countdown.release.ProbeRecord;
import dev.countdown.release.ReleaseService;
import dev.countdown.release.ReleaseState;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The watch after a GO: within the window its manifest names, the abort-criteria probes re-run on
 * their schedule, as the system; a criterion that fires raises an alert on the release (see
 * the ceremony's probe rule), which the chats post with a rollback recommendation. Each watched
 * release is one instance of a task on the durable scheduler ({@link WatchRequests} puts it there
 * with the GO), so a run reads only its own release, and one replica runs it.
 */
@Singleton
public class ProbeWatch {

    static final Actor WATCH = new Actor(IdentitySource.SYSTEM, "countdown-watch", "Countdown watch", Set.of());
    static final String TASK = "release-watch";

    private final ReleaseService releases;
    private final ProbeService probes;
    private final Clock clock;

    public ProbeWatch(ReleaseService releases, ProbeService probes, Clock clock) {
        this.releases = releases;
        this.probes = probes;
        this.clock = clock;
    }

    /**
     * Runs the release's watch probes that are due now; the next run's time, or empty once the
     * watch is over: its window ended, or the release left GO (rolled back, say).
     */
    Optional<Instant> watch(String releaseId) {
        Instant now = clock.instant();
        Optional<LoadedRelease> found = releases.find(releaseId);
        Optional<WatchPlan> plan = found.flatMap(l -> l.definition().manifest().watch());
        Optional<Instant> goAt = found.flatMap(ProbeWatch::goAt);
        if (plan.isEmpty() || goAt.isEmpty() || now.isAfter(end(goAt.get(), plan.get()))) {
            return Optional.empty();
        }
        LoadedRelease loaded = found.get();
        WatchPlan watch = plan.get();
        List<ProbeSpec> due = watch.probes().stream()
                .filter(name -> isDue(loaded.release().probes().get(name), goAt.get(), watch, now))
                .flatMap(name -> loaded.definition().manifest().probe(name).stream()).toList();
        if (!due.isEmpty()) {
            probes.execute(new ProbeService.Plan.Ready(loaded.release().id(), loaded.release().version(), due),
                    WATCH, "watch:" + loaded.release().id() + ":" + now.toEpochMilli(), null);
        }
        // a probe a person ran meanwhile is due a little before this; it waits for the next run, at most one period
        Instant next = now.plus(watch.every());
        return next.isAfter(end(goAt.get(), watch)) ? Optional.empty() : Optional.of(next);
    }

    /** When the release's watch starts, if it is to be watched at all: its final GO, while it is still GO. */
    static Optional<Instant> start(LoadedRelease loaded) {
        return loaded.definition().manifest().watch().isEmpty() ? Optional.empty() : goAt(loaded);
    }

    static Instant end(Instant goAt, WatchPlan watch) {
        return goAt.plus(watch.window());
    }

    private static boolean isDue(ProbeRecord last, Instant goAt, WatchPlan watch, Instant now) {
        return last == null || last.at().isBefore(goAt) || !last.at().plus(watch.every()).isAfter(now);
    }

    private static Optional<Instant> goAt(LoadedRelease loaded) {
        if (loaded.release().state() != ReleaseState.GO) {
            return Optional.empty();
        }
        return loaded.release().decisions().stream().filter(DecisionRecord::isFinal)
                .filter(d -> d.outcome() == Outcome.GO).map(DecisionRecord::at).reduce((a, b) -> b);
    }
}
