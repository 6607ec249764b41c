package dev.countdown.probe;

import dev.countdown.release.LoadedRelease;
import dev.countdown.release.ReleaseService;
import dev.countdown.release.ReleaseState;
import dev.countdown.schedule.ScheduledWork;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Releases that went GO before the watch ran on the scheduler have no instance yet: one pass at
 * start-up gives those still inside their window one. Scheduling is idempotent, so every start
 * and every replica may run it; a replica that loses the race to insert the row is told so and moves on.
 */
@Singleton
@Requires(property = "countdown.scheduler.enabled", notEquals = "false")
class WatchUpgrade {

    private static final Logger LOG = LoggerFactory.getLogger(WatchUpgrade.class);

    private final ReleaseService releases;
    private final ScheduledWork work;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    WatchUpgrade(ReleaseService releases, ScheduledWork work, TransactionOperations<Connection> transactions,
               Clock clock) {
        this.releases = releases;
        this.work = work;
        this.transactions = transactions;
        this.clock = clock;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        Instant now = clock.instant();
        for (LoadedRelease loaded : releases.inState(ReleaseState.GO)) {
            Optional<Instant> goAt = ProbeWatch.start(loaded);
            if (goAt.isEmpty() || now.isAfter(ProbeWatch.end(goAt.get(), loaded.definition().manifest().watch().get()))) {
                continue;
            }
            try {
                transactions.executeWrite(status -> {
                    work.schedule(ProbeWatch.TASK, loaded.release().id(), now);
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.info("the watch of {} was not scheduled here ({}); another replica may have", loaded.release().id(),
                        e.getMessage());
            }
        }
    }
}
