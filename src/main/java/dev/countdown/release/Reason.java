package dev.countdown.release;

/**
 * Why a decision came out as it did, one fact each, so the posted decision explains itself.
 *
 * @param subject the item id, role id or probe name the reason is about
 */
public record Reason(Kind kind, String subject, String text) {

    public enum Kind {
        ITEM_FAILED, ITEM_BLOCKED, ITEM_PENDING, ROLE_MISSING, ROLE_REJECTED, QUORUM_NOT_MET,
        REVIEW_BAND, PROBE_RED, EVIDENCE_STALE, EVIDENCE_MISSING
    }
}
