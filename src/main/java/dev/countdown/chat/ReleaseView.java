package dev.countdown.chat;

import dev.countdown.manifest.Principals;
import dev.countdown.release.ItemState;
import dev.countdown.release.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A release as every chat shows it, whatever the platform: renderers turn it into Block Kit or
 * Discord components, and nothing else about a release reaches them.
 *
 * @param open        whether items and approvals may still change (buttons are shown)
 * @param overridable whether the manifest lets a NO-GO be overridden
 * @param windowClosed while the release waits for a decision outside its change windows: why, and
 *                    the next window
 */
public record ReleaseView(String releaseId, String service, String version, String state, boolean open, int round,
                          String phase, Counters counters, List<SectionView> sections, List<RoleView> roles,
                          List<DecisionView> decisions, List<ProbeView> probes, List<AlertView> alerts,
                          boolean overridable, Optional<RollbackView> rollback, List<ReminderView> reminders,
                          Optional<String> windowClosed) {

    /**
     * A nudge about approvals still pending; {@code index} 1 for the first, messages are keyed by it.
     *
     * @param pending   the titles of the roles still pending
     * @param mentioned the titles of the roles whose owners it mentions: the pending ones not mentioned
     *                  before this round, or the escalation role
     * @param mention   who it mentions, each person or group once
     */
    public record ReminderView(int index, boolean escalation, List<String> pending, List<String> mentioned,
                               Principals mention, Instant at) {
    }

    /**
     * A rollback ceremony's tie to the release it undoes ({@code undoes} true) with its action's run,
     * or a release's tie to the rollback that undoes it.
     *
     * @param run empty until the decision owner approved; "requested", "running", "succeeded",
     *            "failed", "unknown" or "confirmed"
     */
    public record RollbackView(boolean undoes, String otherId, String otherVersion, String actionType,
                               Optional<String> run, int attempt, String summary) {

        /** A person may confirm the rollback happened: its run failed, is unknown, or people do the steps. */
        public boolean confirmable() {
            return run.filter(r -> r.equals("failed") || r.equals("unknown")
                    || r.equals("requested") && actionType.equals("none")).isPresent();
        }

        /** A person may run the action again: its run failed or is unknown. */
        public boolean retryable() {
            return !actionType.equals("none") && run.filter(r -> r.equals("failed") || r.equals("unknown")).isPresent();
        }
    }

    /** An abort criterion that fired after the GO; {@code index} 1 for the first, messages are keyed by it. */
    public record AlertView(int index, String probe, String summary, Instant at) {
    }

    /** A probe of the manifest and its last result here, if it has run; {@code stale} past its freshness. */
    public record ProbeView(String name, String type, Optional<String> outcome, String summary, Optional<Instant> at,
                            Optional<String> by, boolean stale) {
    }

    /** The root message's figures: "items 12/31 passed, approvals 2/5". */
    public record Counters(int items, int settled, int failed, int pending, int rolesRequired, int rolesApproved) {
    }

    /**
     * @param locked  its items unlock after an earlier gate's GO
     * @param decided the latest decision of its gate, if it has been polled
     */
    public record SectionView(String id, String title, int level, Optional<String> gate, boolean locked,
                              List<ItemView> items, Optional<DecisionView> decided) {
    }

    /** @param who and {@code at} are empty until someone sets the item; {@code notes} oldest first */
    public record ItemView(String id, String text, ItemState state, Optional<String> who, Optional<Instant> at,
                           List<NoteView> notes) {

        /** "passed by rita", "marked n/a by anna": who set the item, in words; empty until someone did. */
        public Optional<String> setBy() {
            return who.map(w -> state.done() + " by " + w);
        }
    }

    /** @param state the state label the note came with ({@code fail}: a failure reason), or empty */
    public record NoteView(String text, String by, Instant at, String state) {

        /** "Failure reason", "Note": what the note was. */
        public String kind() {
            return state.equals(ItemState.FAIL.label()) ? "Failure reason" : state.equals(ItemState.BLOCKED.label())
                    ? "Blocked because" : "Note";
        }
    }

    public record RoleView(String id, String title, int needed, boolean required, List<String> approvedBy,
                           List<String> rejectedBy, Principals owners) {

        public boolean satisfied() {
            return rejectedBy.isEmpty() && approvedBy.size() >= needed;
        }
    }

    /** @param index 1 for the release's first decision; messages are keyed by it */
    public record DecisionView(int index, int round, String label, boolean isFinal, Outcome outcome, boolean overridden,
                               List<String> reasons, String by, Instant at, String note) {

        /** "GO by rita", "GO (override) by the cto": who decided what, in words. */
        public String saidBy() {
            return outcome.label() + (overridden ? " (override)" : "") + " by " + by;
        }
    }
}
