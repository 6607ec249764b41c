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
     * Nothing changed, and why; {@code whoCould} names who may do it instead when the refusal is
     * about permission.
     */
    record Refused(Refusal kind, String message, Principals whoCould, String releaseId) implements CommandResult {
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
