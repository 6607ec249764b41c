package dev.countdown.reminder;

import dev.countdown.release.Actor;
import dev.countdown.release.Command;
import dev.countdown.release.CommandRequest;
import dev.countdown.release.IdentitySource;
import dev.countdown.release.ReleaseService;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * Runs a reminder task as a command of Countdown's own, so whether to nudge is decided against the
 * release as it stands, in the command's transaction, and what was said is in the audit trail.
 * The instance id is the idempotency key: a task revived after a crash says nothing twice.
 */
@Singleton
class ReminderRunner {

    static final Actor REMINDERS = new Actor(IdentitySource.SYSTEM, "countdown-reminders", "Countdown", Set.of());

    private final ReleaseService releases;

    ReminderRunner(ReleaseService releases) {
        this.releases = releases;
    }

    /** The task instance {@code releaseId:round:stage[@epochSecond]}. */
    void run(String instance) {
        String[] parts = instance.split("[:@]");
        if (parts.length < 3) {
            return;
        }
        boolean escalate = parts[2].equals(ReminderRequests.ESCALATE);
        releases.handle(new CommandRequest(new Command.Remind(parts[0], Integer.parseInt(parts[1]), escalate),
                REMINDERS, "reminder:" + instance));
    }
}
