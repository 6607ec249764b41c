package dev.countdown.chat;

import dev.countdown.release.Platform;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;

/** The chat tables' repositories; one dialect serves H2 in PostgreSQL mode and PostgreSQL. */
public final class ChatRepositories {

    private ChatRepositories() {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface Threads extends CrudRepository<ChatThread, String> {
        List<ChatThread> findByReleaseId(String releaseId);

        List<ChatThread> findByPlatformAndChannelIdOrderByCreatedAtDesc(Platform platform, String channelId);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface Messages extends CrudRepository<ChatMessage, String> {
        List<ChatMessage> findByReleaseIdAndPlatform(String releaseId, Platform platform);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface Outbox extends CrudRepository<OutboxEntry, String> {
        List<OutboxEntry> findByDueAtLessThanEqualsOrderByDueAt(Instant now);

        /** One more change to deliver; 0 when there was no row, and the caller inserts one. */
        @Query("UPDATE chat_outbox SET generation = generation + 1 WHERE id = :id")
        long bump(String id);

        /** Done, unless something changed since the delivery read the row. */
        @Query("DELETE FROM chat_outbox WHERE id = :id AND generation = :generation")
        long deleteDelivered(String id, long generation);

        @Query("UPDATE chat_outbox SET due_at = :dueAt, attempts = :attempts, last_error = :lastError WHERE id = :id")
        long reschedule(String id, Instant dueAt, int attempts, @Nullable String lastError);
    }
}
