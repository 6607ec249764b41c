package dev.countdown.release;

import dev.countdown.evidence.AuditEvent;
import dev.countdown.manifest.Principals;
import java.util.List;

/** What came of a command. */
public sealed interface CommandResult {

    /** The command changed the release; {@code events} are the audit events it appended. */
    record Applied(Release release, List<AuditEvent> events, String message) implements CommandResult {
        public Applied {
            events = List.copyOf(events);
        }
    }

    /** The command's key was seen before: nothing changed this time. */
    record Repeated(Release release, String message) implements CommandResult {
    }

    /**
     * Nothing changed, and why. When the refusal is about permission, {@code whoCould} names who
     * may do it instead and {@code whoCan} says so in platform-neutral words; a chat renders the
     * reason with its own mentions instead.
     */
    record Refused(Refusal kind, String reason, Principals whoCould, String releaseId, String whoCan)
            implements CommandResult {

        public Refused {
            whoCan = whoCan == null ? "" : whoCan;
        }

        /** A refusal that names nobody in words. */
        public Refused(Refusal kind, String reason, Principals whoCould, String releaseId) {
            this(kind, reason, whoCould, releaseId, "");
        }

        /** The whole answer in neutral words: the reason, then who can. */
        public String message() {
            return whoCan.isEmpty() ? reason : reason + " " + whoCan;
        }
    }

    enum Refusal {
        /** Bad input: unknown state, malformed version. */
        INVALID,
        /** No such release, item, role or service. */
        NOT_FOUND,
        /** The actor may not do this. */
        FORBIDDEN,
        /** Not now: the release's state does not allow it. */
        CONFLICT
    }
}
