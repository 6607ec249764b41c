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
        List<OutboxEntry> findByDueAtLessThanEqualsOrderByDueAt(Instant now);

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

        /** Done, unless something changed since the delivery read the row. */
        @Query("DELETE FROM chat_outbox WHERE id = :id AND generation = :generation")
        long deleteDelivered(String id, long generation);

        @Query("UPDATE chat_outbox SET due_at = :dueAt, attempts = :attempts, last_error = :lastError WHERE id = :id")
        long reschedule(String id, Instant dueAt, int attempts, @Nullable String lastError);
    }
}
