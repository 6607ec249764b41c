package dev.countdown.chat;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This replica's hold on outbox rows, so that two replicas on one database never deliver the same
 * row at once (an edit sent twice, a post made twice). A row is claimed with one conditional
 * update; while its delivery runs, however long a platform's rate limit holds it, the lease is
 * renewed every third of its length. A replica killed mid-delivery renews no more: its lease runs
 * out and another replica takes the row over, where {@link ThreadSync} finds what was posted but
 * not recorded. Leases compare the replicas' clocks: they must agree to well under a lease.
 */
@Singleton
public class OutboxClaims {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxClaims.class);

    private final ChatRepositories.Outbox outbox;
    private final Clock clock;
    private final TaskScheduler scheduler;
    private final Duration lease;
    private final String replica;
    private final DataSource dataSource;
    private volatile boolean staleSwept;

    public OutboxClaims(ChatRepositories.Outbox outbox, Clock clock,
                        @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler,
                        @Value("${countdown.chat.claim-lease:15s}") Duration lease, DataSource dataSource) {
        this.outbox = outbox;
        this.clock = clock;
        this.scheduler = scheduler;
        this.lease = lease;
        this.replica = replicaName();
        this.dataSource = dataSource;
    }

    /**
     * Once, before the first claim: on H2, a file only one process opens, this process is every
     * replica, and a claim left in the outbox is one a killed process never let go. Released now,
     * its row is delivered at once rather than when its lease runs out.
     */
    void sweepStaleOnce() {
        if (staleSwept) {
            return;
        }
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            if (connection.getMetaData().getDatabaseProductName().equalsIgnoreCase("H2")) {
                long released = outbox.releaseAllClaims();
                if (released > 0) {
                    LOG.info("released {} outbox claims left by a process that stopped without letting go", released);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read which database holds the outbox", e);
        }
        staleSwept = true;
    }

    /** Who holds a claim: the host (a pod's name), the process and a random part, unique per start. */
    private static String replicaName() {
        String host = System.getenv().getOrDefault("HOSTNAME", "countdown");
        byte[] random = new byte[3];
        ThreadLocalRandom.current().nextBytes(random);
        String name = host + "/" + ProcessHandle.current().pid() + "/" + HexFormat.of().formatHex(random);
        return name.length() <= 100 ? name : name.substring(name.length() - 100);
    }

    public String replica() {
        return replica;
    }

    /**
     * The row as it is once this replica holds it, if no other replica does and it is still due by
     * {@code dueBy}. Read again after the claim: its generation is then no older than the release
     * the delivery is about to read.
     */
    Optional<OutboxEntry> claim(OutboxEntry seen, Instant dueBy) {
        Instant now = clock.instant();
        if (outbox.claim(seen.id(), replica, now, now.plus(lease), dueBy) == 0) {
            return Optional.empty();
        }
        return outbox.findById(seen.id());
    }

    /** Runs a delivery of the claimed row {@code id}, renewing its lease until the delivery returns. */
    <T> T holding(String id, Supplier<T> delivery) {
        Duration every = lease.dividedBy(3);
        ScheduledFuture<?> renewal = scheduler.scheduleAtFixedRate(every, every, () -> renew(id));
        try {
            return delivery.get();
        } finally {
            renewal.cancel(false);
        }
    }

    private void renew(String id) {
        try {
            if (outbox.renew(id, replica, clock.instant().plus(lease)) == 0) {
                LOG.warn("outbox row {} was taken over by another replica during its delivery here", id);
            }
        } catch (RuntimeException e) {
            // the database is away: the delivery goes on, and the lease may run out meanwhile
            LOG.warn("renewing the claim on outbox row {} failed: {}", id, e.toString());
        }
    }
}
