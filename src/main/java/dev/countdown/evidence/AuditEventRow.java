package dev.countdown.evidence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** An {@link AuditEvent} as stored. */
@MappedEntity("audit_event")
public record AuditEventRow(
        @Id @GeneratedValue @Nullable Long id,
        String releaseId,
        int seq,
        Instant occurredAt,
        String actorSource,
        String actorId,
        String actorName,
        String eventType,
        String subject,
        String beforeValue,
        String afterValue,
        String note,
        String previousHash,
        String hash) {

    public static AuditEventRow of(AuditEvent e) {
        return new AuditEventRow(null, e.releaseId(), e.seq(), e.at(), e.actorSource(), e.actorId(), e.actorName(),
                e.type(), e.subject(), e.before(), e.after(), e.note(), e.previousHash(), e.hash());
    }

    public AuditEvent toEvent() {
        return new AuditEvent(releaseId, seq, occurredAt, actorSource, actorId, actorName, eventType, subject,
                beforeValue, afterValue, note, previousHash, hash);
    }
}
