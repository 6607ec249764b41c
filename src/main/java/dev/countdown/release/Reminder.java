package dev.countdown.release;

import java.time.Instant;
import java.util.List;

/**
 * A nudge about approvals still pending, posted in the thread: the owners of {@code mentioned}
 * are named, each role once a round; an escalation names the manifest's escalation role.
 *
 * @param pending   the role ids still pending when it was posted
 * @param mentioned the role ids whose owners it mentions
 */
public record Reminder(int round, boolean escalation, List<String> pending, List<String> mentioned, Instant at) {

    public Reminder {
        pending = List.copyOf(pending);
        mentioned = List.copyOf(mentioned);
    }
}
