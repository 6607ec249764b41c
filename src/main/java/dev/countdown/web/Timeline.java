package dev.countdown.web;

import dev.countdown.evidence.AuditEvent;
import dev.countdown.release.DisplayNames;
import java.util.List;

/** The audit trail as a page shows it: each actor by the name their platform gives them now. */
final class Timeline {

    private Timeline() {
    }

    /** Copies for display only: the stored events, whose hashes cover the names as recorded, are untouched. */
    static List<AuditEvent> named(List<AuditEvent> events, DisplayNames names) {
        return events.stream().map(e -> new AuditEvent(e.releaseId(), e.seq(), e.at(), e.actorSource(), e.actorId(),
                names.of(e), e.type(), e.subject(), e.before(), e.after(), e.note(), e.previousHash(), e.hash()))
                .toList();
    }
}
