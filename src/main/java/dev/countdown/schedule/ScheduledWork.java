package dev.countdown.schedule;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Puts a task instance on the durable scheduler inside the caller's transaction: work asked for by
 * a change (a rollback's action, by the approval that allows it) is committed with that change or
 * not at all. The row is db-scheduler's own, without data: the instance id says what to do.
 */
@Singleton
public class ScheduledWork {

    private final TransactionOperations<Connection> transactions;

    public ScheduledWork(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** Due at {@code at}; a second call for the same task and instance changes nothing. */
    public void schedule(String taskName, String instanceId, Instant at) {
        Connection connection = transactions.getConnection();
        try (PreparedStatement exists = connection.prepareStatement(
                "SELECT 1 FROM scheduled_tasks WHERE task_name = ? AND task_instance = ?")) {
            exists.setString(1, taskName);
            exists.setString(2, instanceId);
            if (exists.executeQuery().next()) {
                return;
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO scheduled_tasks (task_name, "
                    + "task_instance, task_data, execution_time, picked, version) VALUES (?, ?, NULL, ?, FALSE, 1)")) {
                insert.setString(1, taskName);
                insert.setString(2, instanceId);
                insert.setObject(3, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot schedule " + taskName + " " + instanceId + ": " + e.getMessage(), e);
        }
    }
}
