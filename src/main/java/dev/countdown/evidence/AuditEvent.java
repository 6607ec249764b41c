package dev.countdown.evidence;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * One change to a release, as the audit trail keeps it: who, what, before → after, when, with a
 * note. Each event carries the hash of the one before it in the same release, so removing,
 * reordering or editing any event breaks every hash after it.
 *
 * @param seq          1 for a release's first event, then one more each
 * @param type         what happened: {@code item.set}, {@code role.approved}, {@code decision.no-go}, ...
 * @param subject      what it happened to: an item id, a role id, a gate
 * @param previousHash the hash of event {@code seq - 1}; {@link HashChain#GENESIS} for the first
 */
@Serdeable
public record AuditEvent(
        String releaseId,
        int seq,
        Instant at,
        String actorSource,
        String actorId,
        String actorName,
        String type,
        String subject,
        String before,
        String after,
        String note,
        String previousHash,
        String hash) {
}
