package dev.countdown.release;

/** What a user asks of a release, whatever the platform they asked on. */
public sealed interface Command {

    /** The release the command is about; null for {@link Start}. */
    String releaseId();

    record Start(String service, String version) implements Command {
        @Override
        public String releaseId() {
            return null;
        }
    }

    record SetItem(String releaseId, String itemId, ItemState state, String note) implements Command {
    }

    record AddNote(String releaseId, String itemId, String note) implements Command {
    }

    record CastVote(String releaseId, String roleId, boolean approve, String note) implements Command {
    }

    /** Decides the current gate, or the release when no gate is left; {@code override} asks for an override GO. */
    record Decide(String releaseId, boolean override, String note) implements Command {
    }

    record Cancel(String releaseId, String reason) implements Command {
    }

    record Reopen(String releaseId, String note) implements Command {
    }

    /**
     * Starts a rollback ceremony undoing {@code releaseId}: its own release row, its own thread,
     * linked both ways with the release.
     */
    record StartRollback(String releaseId, String note) implements Command {
    }

    /**
     * A step of a rollback's action run {@code attempt}: a runner claims it, reports how it ended
     * or that its runner was lost; a person confirms the rollback happened or asks for another run.
     */
    record ActionStep(String releaseId, int attempt, Kind kind, String summary, String evidence) implements Command {

        /** VERIFIED: the verification probes ran after a successful action; the rollback is done. */
        public enum Kind { CLAIM, SUCCEEDED, FAILED, LOST, VERIFIED, CONFIRM, RETRY }

        public ActionStep {
            summary = summary == null ? "" : summary;
            evidence = evidence == null ? "" : evidence;
        }
    }

    /**
     * Countdown's own nudge about the approvals of {@code round} still pending: the owners', or
     * with {@code escalate} the escalation role's. Nothing happens when none is pending any more.
     */
    record Remind(String releaseId, int round, boolean escalate) implements Command {
    }

    /**
     * Countdown's own, when a change window the release waited for has opened: said on the record
     * and in the thread, so a GO refused outside the windows may be given now. Nothing happens when
     * the window is closed again (a freeze began) or the release no longer waits for a decision.
     */
    record WindowOpening(String releaseId) implements Command {
    }

    /** Results of probes run for the release, to keep as evidence and to set the items bound to them. */
    record RecordProbes(String releaseId, java.util.List<ProbeOutcome> results) implements Command {
        public RecordProbes {
            results = java.util.List.copyOf(results);
        }
    }

    /**
     * One probe's result as the core keeps it.
     *
     * @param outcome  pass, fail or error
     * @param evidence what was asked and what came back, secrets already redacted
     */
    record ProbeOutcome(String name, String type, String outcome, String summary, String evidence, int attempts) {
        public boolean passed() {
            return outcome.equals("pass");
        }
    }
}
