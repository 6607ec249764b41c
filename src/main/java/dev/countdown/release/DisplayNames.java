package dev.countdown.release;

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

    default ActorRef named(ActorRef ref) {
        return ref == null ? null : new ActorRef(ref.source(), ref.userId(), of(ref.source(), ref.userId(),
                ref.displayName()));
    }
}
