package dev.countdown.release;

import java.util.List;

/** The ceremony's answer to a command: the release after it, or a refusal. */
sealed interface Step {

    record Changed(Release release, List<Change> changes, String message) implements Step {
        public Changed {
            changes = List.copyOf(changes);
        }
    }

    record Refused(CommandResult.Refused refusal) implements Step {
    }
}
