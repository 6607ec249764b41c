package dev.countdown.schedule;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.PostgreSqlJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.Task;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
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
        DataSource pool = DelegatingDataSource.unwrapDataSource(dataSource);
        this.scheduler = Scheduler.create(pool, tasks)
                .jdbcCustomization(customization(pool))
                .clock(clock::instant)
                .pollingInterval(poll)
                .heartbeatInterval(heartbeat)
                .missedHeartbeatsLimit(4)
                .threads(4)
                .shutdownMaxWait(Duration.ofSeconds(5))
                .build();
    }

    /** Both databases keep the zone of a TIMESTAMP WITH TIME ZONE: said here, rather than warned about at each start. */
    private static JdbcCustomization customization(DataSource pool) {
        try (Connection connection = pool.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")
                    ? new PostgreSqlJdbcCustomization(false, false) : new DefaultJdbcCustomization(false);
        } catch (SQLException e) {
            return new DefaultJdbcCustomization(false);
        }
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
