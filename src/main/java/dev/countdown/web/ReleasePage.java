package dev.countdown.web;

import dev.countdown.chat.ReleaseView;
import dev.countdown.chat.ReleaseView.DecisionView;
import dev.countdown.chat.ReleaseView.SectionView;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the release page shows: the {@link ReleaseView} every chat renders, and what a page adds to
 * it (progress per gate, who is still awaited, the timeline). Templates read it; nothing here is HTML.
 *
 * @param gates     the checklist cut at its gates, each with its progress and its decision
 * @param approvals a row per role of the manifest
 * @param timeline  the audit trail, oldest first
 */
public record ReleasePage(ReleaseView view, List<Gate> gates, List<Approval> approvals, List<Step> timeline,
                          People people, Instant now) {

    /** The items up to a gate (after the gate before it), and the gate's latest decision. */
    public record Gate(String label, Progress progress, List<SectionView> sections, Optional<DecisionView> decided,
                       boolean current) {
    }

    /**
     * A role: who approved and rejected, and whose approval is still awaited (its owners who have
     * not voted; a group or a role stands for any of its members).
     */
    public record Approval(ReleaseView.RoleView role, List<String> approvedBy, List<String> rejectedBy,
                          List<String> awaited) {

        public String status() {
            return !role.rejectedBy().isEmpty() ? "rejected" : role.satisfied() ? "approved" : "awaited";
        }
    }

    /** One audit event in words. */
    public record Step(Instant at, String who, String what, String subject, String change, String note) {
    }

    public Progress progress() {
        return Progress.of(view.sections().stream().flatMap(s -> s.items().stream()).toList());
    }

    public Progress progress(SectionView section) {
        return Progress.of(section.items());
    }

    public List<Inline> inline(String markdown) {
        return Inline.parse(markdown);
    }

    public String person(String who) {
        return people.shown(who);
    }

    /** "GO by rita", "GO (override) by the cto", the person named as the pages name people. */
    public String saidBy(DecisionView d) {
        return d.outcome().label() + (d.overridden() ? " (override)" : "") + " by " + person(d.by());
    }

    /** A gate's decision in words, or what happens to it next. */
    public String status(Gate gate) {
        return gate.decided().map(this::saidBy).orElse(gate.current() ? "decided next" : "not decided yet");
    }

    /** The state as its badge says it: GO, NO-GO, OPEN, CANCELLED, ... */
    public String stateLabel() {
        return view.state().toUpperCase(java.util.Locale.ROOT);
    }

    /** The first gate not yet passed while the release is open. */
    public Optional<Gate> currentGate() {
        return gates.stream().filter(Gate::current).findFirst();
    }
}
