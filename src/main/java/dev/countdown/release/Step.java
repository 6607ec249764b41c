package dev.countdown.release;

import java.util.List;

/** The ceremony's answer to a command: the release after it, or a refusal. */
sealed interface Step {

    /** {@code linked}: what the change does to the release a rollback undoes, in the same transaction. */
    record Changed(Release release, List<Change> changes, String message, List<Linked> linked) implements Step {
        public Changed {
            changes = List.copyOf(changes);
            linked = List.copyOf(linked);
        }

        public Changed(Release release, List<Change> changes, String message) {
            this(release, changes, message, List.of());
        }
    }

    /** The linked release moves to {@code state} with {@code link} (null: no rollback stands on it any more). */
    record Linked(String releaseId, ReleaseState state, RollbackLink link, Change change) {
    }

    record Refused(CommandResult.Refused refusal) implements Step {
    }
}
