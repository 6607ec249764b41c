package dev.countdown.release;

import dev.countdown.evidence.AuditEvent;

/**
 * The name to show for someone in the record. The record keeps what the platform said when they
 * acted (often a handle, sometimes only the id); a directory that asked the platform since knows
 * better. Views apply it; the audit trail itself never changes.
 */
@FunctionalInterface
public interface DisplayNames {

    /** The names as recorded. */
    DisplayNames RECORDED = (source, userId, recorded) -> recorded;

    String of(IdentitySource source, String userId, String recorded);

    /** The actor of an audit event; one of a source this version does not know keeps the name recorded. */
    default String of(AuditEvent event) {
        try {
            return of(IdentitySource.parse(event.actorSource()), event.actorId(), event.actorName());
        } catch (IllegalArgumentException unknownSource) {
            return event.actorName();
        }
    }

    default ActorRef named(ActorRef ref) {
        return ref == null ? null : new ActorRef(ref.source(), ref.userId(), of(ref.source(), ref.userId(),
                ref.displayName()));
    }
}
