package dev.countdown.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.countdown.json.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The SHA-256 chain over a release's audit events. An event's hash covers its fields in a fixed
 * order (as a JSON array) and the previous event's hash; anyone can recompute it offline from an
 * evidence bundle.
 */
public final class HashChain {

    public static final String GENESIS = "0".repeat(64);
    public static final String ALGORITHM = "SHA-256 over the JSON array [releaseId, seq, at, actorSource, actorId, "
            + "actorName, type, subject, before, after, note, previousHash]";

    private HashChain() {
    }

    /** Times are kept to the millisecond so that every database returns what was hashed. */
    public static Instant timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * The event after the chain's current end ({@code previousSeq} 0 and {@link #GENESIS} for a
     * release's first event), with its hash computed.
     */
    public static AuditEvent append(int previousSeq, String previousHash, String releaseId, Instant at,
                                    String actorSource, String actorId, String actorName, String type, String subject,
                                    String before, String after, String note) {
        int seq = previousSeq + 1;
        AuditEvent unhashed = new AuditEvent(releaseId, seq, timestamp(at), actorSource, actorId, actorName, type,
                nullToEmpty(subject), nullToEmpty(before), nullToEmpty(after), nullToEmpty(note), previousHash, "");
        return withHash(unhashed, hashOf(unhashed));
    }

    public static String hashOf(AuditEvent e) {
        List<Object> fields = Arrays.asList(e.releaseId(), e.seq(), e.at().toString(), e.actorSource(), e.actorId(),
                e.actorName(), e.type(), e.subject(), e.before(), e.after(), e.note(), e.previousHash());
        try {
            return Sha256.hex(Json.MAPPER.writeValueAsString(fields));
        } catch (JsonProcessingException e1) {
            throw new IllegalStateException("a list of strings always serializes", e1);
        }
    }

    /** The first event whose link is broken, with what is wrong with it; empty when the chain holds. */
    public static Optional<String> firstBrokenLink(List<AuditEvent> events) {
        String expectedPrevious = GENESIS;
        for (int k = 0; k < events.size(); k++) {
            AuditEvent e = events.get(k);
            String where = "event #" + (k + 1) + " (seq " + e.seq() + ", " + e.type() + " " + e.subject() + ")";
            if (e.seq() != k + 1) {
                return Optional.of(where + ": expected seq " + (k + 1) + "; an event was removed or reordered");
            }
            if (!e.previousHash().equals(expectedPrevious)) {
                return Optional.of(where + ": its previousHash does not match the hash of the event before it");
            }
            if (!hashOf(e).equals(e.hash())) {
                return Optional.of(where + ": its hash does not match its contents; the event was altered");
            }
            expectedPrevious = e.hash();
        }
        return Optional.empty();
    }

    private static AuditEvent withHash(AuditEvent e, String hash) {
        return new AuditEvent(e.releaseId(), e.seq(), e.at(), e.actorSource(), e.actorId(), e.actorName(), e.type(),
                e.subject(), e.before(), e.after(), e.note(), e.previousHash(), hash);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
