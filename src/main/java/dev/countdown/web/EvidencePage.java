package dev.countdown.web;

import dev.countdown.evidence.AuditEvent;
import java.util.List;

/**
 * The printable evidence: what an auditor prints and files. The chain's head and how to verify
 * it, every decision with its reasons, and what they rested on.
 *
 * @param css the page's own style, inlined so a saved copy stands alone (admitted by its hash)
 */
public record EvidencePage(ReleasePage release, String head, List<AuditEvent> events, String generatedAt,
                           String algorithm, String css) {

    /** "3f2a…9c01": a hash short enough for a table, whole in the JSON bundle. */
    public String shortHash(String hash) {
        return hash.length() <= 16 ? hash : hash.substring(0, 8) + "…" + hash.substring(hash.length() - 8);
    }
}
