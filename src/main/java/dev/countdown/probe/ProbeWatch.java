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
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The watch after a GO: within the window its manifest names, the abort-criteria probes re-run on
 * their schedule, as the system; a criterion that fires raises an alert on the release (see
 * the ceremony's probe rule), which the chats post with a rollback recommendation.
 */
@Singleton
public class ProbeWatch {

    static final Actor WATCH = new Actor(IdentitySource.SYSTEM, "countdown-watch", "Countdown watch", Set.of());

    private final ReleaseService releases;
    private final ProbeService probes;
    private final Clock clock;

    public ProbeWatch(ReleaseService releases, ProbeService probes, Clock clock) {
        this.releases = releases;
        this.probes = probes;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${countdown.probes.watch-poll:30s}", initialDelay = "${countdown.probes.watch-poll:30s}")
    void poll() {
        tick();
    }

    /** Runs every watch probe that is due now; returns how many releases had some. */
    public int tick() {
        Instant now = clock.instant();
        int watched = 0;
        for (LoadedRelease loaded : releases.inState(ReleaseState.GO)) {
            Optional<WatchPlan> watch = loaded.definition().manifest().watch();
            Optional<Instant> goAt = goAt(loaded);
            if (watch.isEmpty() || goAt.isEmpty() || now.isAfter(goAt.get().plus(watch.get().window()))) {
                continue;
            }
            List<ProbeSpec> due = watch.get().probes().stream()
                    .filter(name -> isDue(loaded.release().probes().get(name), goAt.get(), watch.get(), now))
                    .flatMap(name -> loaded.definition().manifest().probe(name).stream()).toList();
            if (!due.isEmpty()) {
                watched++;
                probes.execute(new ProbeService.Plan.Ready(loaded.release().id(), loaded.release().version(), due),
                        WATCH, "watch:" + loaded.release().id() + ":" + now.toEpochMilli(), null);
            }
        }
        return watched;
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
