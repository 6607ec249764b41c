package dev.countdown.discord;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which replica holds the Discord gateway: with two on one PostgreSQL both would otherwise receive,
 * and handle, every interaction. The holder keeps a session-level advisory lock on a connection of
 * its own, outside the pool, for as long as it holds the gateway; a replica that dies (kill -9
 * included) closes that connection, PostgreSQL lets the lock go, and the next replica to try takes
 * it. On H2, one process's database, this replica always holds it.
 */
final class GatewayLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayLock.class);
    /** The advisory lock's key: "cd-disc" in ASCII, a number no other lock of this database uses. */
    static final long KEY = 0x63642d64697363L;

    private final DataSource pool;
    private Connection held;
    /** The database is not PostgreSQL: one process, so this replica holds the gateway for good. */
    private boolean alone;

    GatewayLock(DataSource dataSource) {
        this.pool = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** Takes the lock if no other replica holds it; true while this replica holds it. */
    synchronized boolean tryAcquire() {
        if (alone || held != null) {
            return true;
        }
        Connection connection = null;
        try {
            connection = open();
            if (!connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
                connection.close();
                alone = true;
                return true;
            }
            try (Statement s = connection.createStatement();
                 ResultSet r = s.executeQuery("SELECT pg_try_advisory_lock(" + KEY + ")")) {
                if (r.next() && r.getBoolean(1)) {
                    held = connection;
                    return true;
                }
            }
            connection.close();
            return false;
        } catch (SQLException e) {
            LOG.warn("could not ask the database who holds the Discord gateway: {}", e.getMessage());
            closeQuietly(connection);
            return false;
        }
    }

    /** Whether the lock is still this replica's: its connection is alive (a restarted database drops it). */
    synchronized boolean stillHeld() {
        if (alone) {
            return true;
        }
        try {
            if (held != null && held.isValid(5)) {
                return true;
            }
        } catch (SQLException e) {
            // not valid: said below
        }
        closeQuietly(held);
        held = null;
        return false;
    }

    /** Lets the lock go, by closing its connection. */
    @Override
    public synchronized void close() {
        closeQuietly(held);
        held = null;
    }

    /** A connection of its own, so the lock's lifetime is the session's and no pooled connection is held. */
    private Connection open() throws SQLException {
        if (pool instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null) {
            Properties properties = new Properties();
            properties.putAll(hikari.getDataSourceProperties());
            if (hikari.getUsername() != null) {
                properties.setProperty("user", hikari.getUsername());
            }
            if (hikari.getPassword() != null) {
                properties.setProperty("password", hikari.getPassword());
            }
            return DriverManager.getConnection(hikari.getJdbcUrl(), properties);
        }
        return pool.getConnection();
    }

    private static void closeQuietly(Connection connection) {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // the connection is gone already, and the lock with it
        }
    }
}
