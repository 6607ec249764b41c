package dev.countdown.release;

import dev.countdown.release.CommandResult.Refusal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code decide}: polls the current gate, or the release when no gate is left. */
final class Decision {

    /** Who takes a decision that {@code policy.auto-decide} allows: Countdown itself. */
    static final Actor AUTO = new Actor(IdentitySource.SYSTEM, "countdown", "Countdown", java.util.Set.of());
    static final String AUTO_NOTE = "decided automatically: policy satisfied";

    private final ReleaseDefinition definition;
    private final Describer describer;

    Decision(ReleaseDefinition definition, Describer describer) {
        this.definition = definition;
        this.describer = describer;
    }

    Step decide(Release release, Command.Decide c, Actor actor, Instant now, Authorizer authorizer) {
        if (!authorizer.allows(authorizer.deciders(), actor)) {
            return new Step.Refused(new CommandResult.Refused(Refusal.FORBIDDEN, "You may not decide this release.",
                    authorizer.deciders(), release.id(), describer.whoCan(authorizer.deciders())));
        }
        if (!release.state().acceptsWork()) {
            return Ceremony.refuse(Refusal.CONFLICT, release.id(), "The release is already "
                    + release.state().label() + (release.state() == ReleaseState.NO_GO ? "; reopen it to decide again." : "."));
        }
        Optional<dev.countdown.manifest.ChangeWindows> windows = definition.manifest().windows();
        boolean policyOverride = definition.manifest().policy().override().isPresent();
        if (c.override() && !policyOverride && windows.isEmpty()) {
            return Ceremony.refuse(Refusal.INVALID, release.id(), "This service's manifest allows no override.");
        }
        Phase phase = definition.phase(release.phase());
        Verdict verdict = new DecisionPolicyEvaluator(definition).evaluate(release, phase.index(),
                c.override() && policyOverride, now);
        Step.Changed decided = decided(release, phase, verdict, actor, Ceremony.note(c.note()), now);
        if (verdict.outcome() != Outcome.GO || windows.isEmpty() || windows.get().closed(now).isEmpty()) {
            return decided;
        }
        // A GO outside the change windows: refused, or given by those the windows let override, on the record.
        String why = windows.get().explain(now);
        if (!c.override()) {
            return Ceremony.refuse(Refusal.CONFLICT, release.id(), "No GO now. " + why);
        }
        if (!authorizer.allows(windows.get().override(), actor)) {
            return new Step.Refused(new CommandResult.Refused(Refusal.FORBIDDEN, "You may not give a GO outside the "
                    + "change windows. " + why + " " + describer.whoCan(windows.get().override()),
                    windows.get().override(), release.id()));
        }
        List<Change> changes = new java.util.ArrayList<>(List.of(new Change("window.override", phase.label(), "closed",
                "go", why)));
        changes.addAll(decided.changes());
        return new Step.Changed(decided.release(), changes, "Change window overridden: " + why + "\n" + decided.message());
    }

    /**
     * With {@code policy.auto-decide}: the GO of the current gate (or of the release) that the
     * policy allows at {@code now}, taken by Countdown itself; empty when it does not allow one.
     * A NO-GO is never taken automatically: it stays a person's call.
     */
    Optional<Step.Changed> auto(Release release, Instant now) {
        if (!definition.manifest().policy().autoDecide() || !release.state().acceptsWork()) {
            return Optional.empty();
        }
        Phase phase = definition.phase(release.phase());
        Verdict verdict = new DecisionPolicyEvaluator(definition).evaluate(release, phase.index(), false, now);
        boolean windowOpen = definition.manifest().windows().flatMap(w -> w.closed(now)).isEmpty();
        return verdict.outcome() == Outcome.GO && windowOpen
                ? Optional.of(decided(release, phase, verdict, AUTO, AUTO_NOTE, now)) : Optional.empty();
    }

    private Step.Changed decided(Release release, Phase phase, Verdict verdict, Actor actor, String note, Instant now) {
        boolean last = definition.isLastPhase(phase.index());
        DecisionRecord record = new DecisionRecord(release.round(), last ? null : phase.gateSection().orElseThrow(),
                phase.label(), verdict.outcome(), verdict.reasons(), verdict.overridden(), actor.ref(), now, note);
        boolean go = verdict.outcome() == Outcome.GO;
        ReleaseState next = go ? (last ? ReleaseState.GO : ReleaseState.OPEN) : ReleaseState.NO_GO;
        Release decided = release.withDecision(record, next, go && !last ? phase.index() + 1 : phase.index());
        String type = (last ? "decision." : "gate.") + (go ? "go" : "no-go") + (verdict.overridden() ? "-override" : "");
        String reasons = verdict.reasons().stream().map(Reason::text).collect(Collectors.joining("; "));
        Change change = new Change(type, phase.label(), release.state().label(), next.label(), join(note, reasons));
        return new Step.Changed(decided, List.of(change), message(phase, last, verdict));
    }

    private static String message(Phase phase, boolean last, Verdict verdict) {
        String what = last ? "Release decision" : phase.label();
        String head = what + ": " + verdict.outcome().label() + (verdict.overridden() ? " (override)" : "");
        if (verdict.reasons().isEmpty()) {
            return head + ".";
        }
        return head + "\n" + verdict.reasons().stream().map(r -> "- " + r.text()).collect(Collectors.joining("\n"));
    }

    private static String join(String note, String reasons) {
        if (note.isEmpty()) {
            return reasons;
        }
        return reasons.isEmpty() ? note : note + " | " + reasons;
    }
}
