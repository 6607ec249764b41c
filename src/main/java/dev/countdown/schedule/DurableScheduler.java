package dev.countdown.schedule;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/**
 * The one scheduler of clock-driven work, db-scheduler on Countdown's own database: a task
 * instance is picked by one replica at a time (an optimistic update of its row), kept alive by
 * heartbeats, and revived on another replica or after a restart when its runner's heartbeats stop.
 * What a revived task does about work that was in flight is the task's decision: a rollback action
 * becomes "unknown", it is never called again by itself.
 */
@Singleton
@Requires(property = "countdown.scheduler.enabled", notEquals = "false")
public class DurableScheduler {

    private final Scheduler scheduler;

    DurableScheduler(DataSource dataSource, List<Task<?>> tasks, Clock clock,
                     @Value("${countdown.scheduler.poll:1s}") Duration poll,
                     @Value("${countdown.scheduler.heartbeat:15s}") Duration heartbeat) {
        // db-scheduler manages its own connections and commits: the plain pool, not the transaction-bound proxy
        this.scheduler = Scheduler.create(DelegatingDataSource.unwrapDataSource(dataSource), tasks)
                .clock(clock::instant)
                .pollingInterval(poll)
                .heartbeatInterval(heartbeat)
                .missedHeartbeatsLimit(4)
                .threads(4)
                .shutdownMaxWait(Duration.ofSeconds(5))
                .build();
    }

    @EventListener
    void onStartup(StartupEvent event) {
        scheduler.start();
    }

    @EventListener
    void onShutdown(ShutdownEvent event) {
        scheduler.stop();
    }
}
