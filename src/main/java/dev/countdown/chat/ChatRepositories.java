package dev.countdown.chat;

import dev.countdown.release.Platform;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The chat tables' repositories; one dialect serves H2 in PostgreSQL mode and PostgreSQL. */
public final class ChatRepositories {

    private ChatRepositories() {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface Threads extends CrudRepository<ChatThread, String> {
        List<ChatThread> findByReleaseId(String releaseId);

        /** The channel's latest release: one row read, by the (platform, channel_id, created_at) index. */
        Optional<ChatThread> findFirstByPlatformAndChannelIdOrderByCreatedAtDesc(Platform platform, String channelId);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface Messages extends CrudRepository<ChatMessage, String> {
        List<ChatMessage> findByReleaseIdAndPlatform(String releaseId, Platform platform);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface Outbox extends CrudRepository<OutboxEntry, String> {
        /** The due rows no replica holds: never claimed, released, or their holder's lease ran out. */
        @Query("SELECT id, release_id, platform, generation, due_at, attempts, last_error FROM chat_outbox "
                + "WHERE due_at <= :now AND (claimed_until IS NULL OR claimed_until < :now) ORDER BY due_at")
        List<OutboxEntry> findUnclaimedDue(Instant now);

        /**
         * Takes the row for {@code replica} until {@code until}, if no other replica holds it and it
         * is still due by {@code dueBy}; 1 when taken. One statement, so two replicas cannot both win.
         */
        @Query("UPDATE chat_outbox SET claimed_by = :replica, claimed_until = :until WHERE id = :id "
                + "AND due_at <= :dueBy AND (claimed_until IS NULL OR claimed_until < :now)")
        long claim(String id, String replica, Instant now, Instant until, Instant dueBy);

        /** Every claim let go: on a database only one process can open, those left are a dead process's. */
        @Query("UPDATE chat_outbox SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by IS NOT NULL")
        long releaseAllClaims();

        /** A delivery still running keeps its row; 0 when the row is gone or another replica took it over. */
        @Query("UPDATE chat_outbox SET claimed_until = :until WHERE id = :id AND claimed_by = :replica")
        long renew(String id, String replica, Instant until);

        /**
         * One more change to deliver; 0 when there was no row, and the caller inserts one. A row
         * backing off after failures is due again now: a new change is worth another try at once.
         */
        @Query("UPDATE chat_outbox SET generation = generation + 1, "
                + "due_at = CASE WHEN attempts > 0 THEN :now ELSE due_at END, attempts = 0 WHERE id = :id")
        long bump(String id, Instant now);

        /** The platform answers again: every row of it backing off after failures is due now. */
        @Query("UPDATE chat_outbox SET due_at = :now, attempts = 0 WHERE platform = :platform AND attempts > 0")
        long resetBackoff(Platform platform, Instant now);

        /** The row of a platform backing off that is due first, to try ahead of time whether the platform is back. */
        Optional<OutboxEntry> findFirstByPlatformAndAttemptsGreaterThanOrderByDueAt(Platform platform, int attempts);

        /** Done, unless something changed since the delivery read the row, or another replica took it over. */
        @Query("DELETE FROM chat_outbox WHERE id = :id AND generation = :generation AND claimed_by = :replica")
        long deleteDelivered(String id, long generation, String replica);

        /** When to try again, and the claim let go; only by the replica that holds it. */
        @Query("UPDATE chat_outbox SET due_at = :dueAt, attempts = :attempts, last_error = :lastError, "
                + "claimed_by = NULL, claimed_until = NULL WHERE id = :id AND claimed_by = :replica")
        long reschedule(String id, String replica, Instant dueAt, int attempts, @Nullable String lastError);
    }
}
