package dev.countdown.release;

import dev.countdown.manifest.Principals;
import dev.countdown.manifest.RollbackPlan;
import dev.countdown.release.ActionRun.State;
import dev.countdown.release.Command.ActionStep.Kind;
import dev.countdown.release.CommandResult.Refusal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules of a rollback ceremony: who may start one, the decision owner's approval that asks
 * for its action (in the approval's own transaction), the action run's steps, and the end that
 * marks the release rolled back. Pure, like {@link Ceremony}.
 */
final class RollbackCeremony {

    private final ReleaseDefinition definition;
    private final Authorizer authorizer;
    private final Describer describer;

    RollbackCeremony(ReleaseDefinition definition, Authorizer authorizer) {
        this.definition = definition;
        this.authorizer = authorizer;
        this.describer = new Describer(definition.manifest());
    }

    /** Why {@code actor} may not roll back {@code release}, if so. */
    Optional<CommandResult.Refused> startRefusal(Release release, Actor actor) {
        Principals starters = authorizer.rollbackStarters();
        if (!authorizer.allows(starters, actor)) {
            return Optional.of(new CommandResult.Refused(Refusal.FORBIDDEN, "You may not start a rollback of "
                    + release.service() + ". " + describer.whoCan(starters), starters, release.id()));
        }
        if (release.isRollback()) {
            return refused(release, Refusal.INVALID, "A rollback cannot itself be rolled back.");
        }
        if (release.rollback() != null && release.rollback().undoneBy() != null) {
            return refused(release, Refusal.CONFLICT, "Rollback " + release.rollback().undoneBy() + " already undoes "
                    + release.service() + " " + release.version() + ".");
        }
        boolean someGo = release.decisions().stream().anyMatch(d -> d.outcome() == Outcome.GO);
        if (release.state().isTerminal() || !someGo) {
            return refused(release, Refusal.CONFLICT, release.service() + " " + release.version() + " is "
                    + release.state().label() + (someGo ? "" : " and no gate of it went GO") + ": nothing to roll back.");
        }
        if (definition.manifest().rollback().decisionOwner().isEmpty()) {
            return refused(release, Refusal.INVALID, "The manifest of " + release.service()
                    + " names no rollback.decision-owner, whose approval a rollback takes.");
        }
        return Optional.empty();
    }

    /** The rollback ceremony, open, and what it does to the release it undoes. */
    Step.Changed start(String rollbackId, String hash, Release undone, Actor actor, String note, Instant now) {
        Release rollback = new Release(rollbackId, undone.service(), undone.version(), hash, ReleaseState.OPEN, 1, 0,
                java.util.Map.of(), java.util.Map.of(), List.of(), actor.ref(), now, java.util.Map.of(), List.of(),
                RollbackLink.undoing(undone), List.of());
        String fired = undone.alerts().stream().map(a -> "watch: " + a.probe() + " " + a.summary() + " at " + a.at())
                .reduce((a, b) -> a + "\n" + b).orElse("");
        List<Change> changes = List.of(new Change("rollback.started", undone.id(), "", "open",
                join(note, fired.isEmpty() ? "" : "Triggers that fired:\n" + fired)));
        Step.Linked linked = new Step.Linked(undone.id(), ReleaseState.ROLLING_BACK, RollbackLink.undoneBy(rollbackId),
                new Change("rollback.started", rollbackId, undone.state().label(), "rolling-back", Ceremony.note(note)));
        return new Step.Changed(rollback, changes, "Rollback of " + undone.service() + " " + undone.version()
                + " started: its thread holds the triggers, the steps and the approval of " + ownerTitle() + ".",
                List.of(linked));
    }

    /** A vote just cast on a rollback: the decision owner's approval asks for the action, a rejection calls it off. */
    Step.Changed afterVote(Step.Changed voted, Command.CastVote vote, Actor actor, Instant now) {
        Release r = voted.release();
        if (voted.changes().isEmpty() || !definition.manifest().rollback().decisionOwner().orElse("").equals(vote.roleId())) {
            return voted;
        }
        List<Change> changes = new ArrayList<>(voted.changes());
        RollbackLink link = r.rollback();
        if (!vote.approve()) {
            changes.add(new Change("rollback.called-off", r.rollback().undoes(), "open", "cancelled", Ceremony.note(vote.note())));
            return new Step.Changed(r.withState(ReleaseState.CANCELLED), changes, voted.message()
                    + "\nRollback called off: " + r.service() + " stays on " + r.version() + ".",
                    List.of(new Step.Linked(link.undoes(), link.releaseStateBefore(), null,
                            new Change("rollback.called-off", r.id(), "rolling-back", link.releaseStateBefore().label(), ""))));
        }
        Optional<RollbackPlan.Action> action = definition.manifest().rollback().action();
        String type = action.map(RollbackPlan.Action::type).orElse("none");
        ActionRun run = new ActionRun(1, type, State.REQUESTED, key(r.id(), 1), now, now, "");
        changes.add(new Change("rollback.approved", ownerTitle(), "open", "go", ""));
        changes.add(action.isPresent()
                ? new Change("action.requested", type, "", "requested", "attempt 1, key " + run.key())
                : new Change("action.manual", "none", "", "requested", "No action in the manifest: people do the steps, "
                + "then confirm the rollback."));
        DecisionRecord approval = new DecisionRecord(r.round(), "rollback-approval", "Rollback approval", Outcome.GO,
                List.of(), false, actor.ref(), now, Ceremony.note(vote.note()));
        return new Step.Changed(r.withDecision(approval, ReleaseState.GO, 0).withRollback(link.withRun(run)), changes,
                voted.message() + (action.isPresent() ? "\nRollback approved: the " + type + " action runs now."
                        : "\nRollback approved: do the steps, then confirm the rollback."));
    }

    Step action(Release r, Command.ActionStep c, Actor actor, Instant now) {
        ActionRun run = r.rollback() == null ? null : r.rollback().run();
        if (run == null) {
            return Ceremony.refuse(Refusal.CONFLICT, r.id(), "This rollback has not been approved yet: its action waits for "
                    + ownerTitle() + ".");
        }
        if (c.attempt() != run.attempt() && c.kind() != Kind.CONFIRM && c.kind() != Kind.RETRY) {
            return Ceremony.refuse(Refusal.CONFLICT, r.id(), "Attempt " + c.attempt() + " is not the current run ("
                    + run.attempt() + ").");
        }
        boolean system = actor.source() == IdentitySource.SYSTEM;
        if (!system && (c.kind() != Kind.CONFIRM && c.kind() != Kind.RETRY)) {
            return Ceremony.refuse(Refusal.FORBIDDEN, r.id(), "Only Countdown's runner reports an action's run.");
        }
        Principals deciders = confirmers();
        if (!system && !authorizer.allows(deciders, actor)) {
            return new Step.Refused(new CommandResult.Refused(Refusal.FORBIDDEN, "You may not "
                    + (c.kind() == Kind.RETRY ? "run the rollback action again" : "confirm the rollback") + ". "
                    + describer.whoCan(deciders), deciders, r.id()));
        }
        String evidence = join(c.summary(), c.evidence());
        return switch (c.kind()) {
            case CLAIM -> run.state() != State.REQUESTED ? busy(r, run)
                    : moved(r, run.with(State.RUNNING, now, ""), "action.running", evidence, "Action running.");
            case LOST -> run.state() != State.RUNNING ? busy(r, run)
                    : moved(r, run.with(State.UNKNOWN, now, c.summary()), "action.unknown", evidence,
                    "The action's runner stopped while the action was in flight: confirm or retry it.");
            case FAILED -> run.state() != State.RUNNING && run.state() != State.UNKNOWN ? busy(r, run)
                    : moved(r, run.with(State.FAILED, now, c.summary()), "action.failed", evidence, "Action failed.");
            case SUCCEEDED -> run.state() != State.RUNNING && run.state() != State.UNKNOWN ? busy(r, run)
                    : moved(r, run.with(State.SUCCEEDED, now, c.summary()), "action.succeeded", evidence,
                    "Action succeeded; verification follows.");
            case VERIFIED -> run.state() != State.SUCCEEDED || r.state() != ReleaseState.GO ? busy(r, run)
                    : done(r, run, "rollback.verified", evidence, actor, now);
            case CONFIRM -> run.state().awaitsPerson() || run.type().equals("none") && run.state() == State.REQUESTED
                    ? done(r, run.with(State.CONFIRMED, now, "confirmed by " + actor.displayName()), "action.confirmed",
                    Ceremony.note(c.summary()), actor, now)
                    : busy(r, run);
            case RETRY -> !run.state().awaitsPerson() || run.type().equals("none") ? busy(r, run) : retry(r, run, now);
        };
    }

    private Step retry(Release r, ActionRun run, Instant now) {
        // An unknown run may have happened: the same key lets the deploy system tell this is that rollback again.
        String key = run.state() == State.UNKNOWN ? run.key() : key(r.id(), run.attempt() + 1);
        ActionRun next = new ActionRun(run.attempt() + 1, run.type(), State.REQUESTED, key, now, now, "");
        return moved(r, next, "action.requested", "attempt " + next.attempt() + ", key " + key + " (retry of a "
                + run.state().label() + " run)", "The action runs again (attempt " + next.attempt() + ").");
    }

    private Step.Changed moved(Release r, ActionRun next, String type, String note, String message) {
        return new Step.Changed(r.withRollback(r.rollback().withRun(next)),
                List.of(new Change(type, next.type(), "", next.state().label(), note)), message);
    }

    /** The rollback happened: its post-rollback items unlock, the release it undoes is rolled back. */
    private Step.Changed done(Release r, ActionRun next, String type, String note, Actor actor, Instant now) {
        DecisionRecord rolledBack = new DecisionRecord(r.round(), null, "Rolled back", Outcome.GO, List.of(), false,
                actor.ref(), now, note);
        Release after = r.withRollback(r.rollback().withRun(next)).withDecision(rolledBack, ReleaseState.ROLLED_BACK, 1);
        List<Change> changes = List.of(new Change(type, next.type(), "", next.state().label(), note),
                new Change("rollback.done", r.rollback().undoes(), r.state().label(), "rolled-back", ""));
        return new Step.Changed(after, changes, r.service() + " " + r.version() + " rolled back: the post-rollback "
                + "items are open.",
                List.of(new Step.Linked(r.rollback().undoes(), ReleaseState.ROLLED_BACK, RollbackLink.undoneBy(r.id()),
                        new Change("release.rolled-back", r.id(), "rolling-back", "rolled-back", ""))));
    }

    private static Step busy(Release r, ActionRun run) {
        return Ceremony.refuse(Refusal.CONFLICT, r.id(), "The rollback's action is " + run.state().label()
                + " (attempt " + run.attempt() + ").");
    }

    /** Who may confirm or retry the action: the decision owner's owners and the rollback starters. */
    Principals confirmers() {
        Principals starters = authorizer.rollbackStarters();
        List<String> roles = new ArrayList<>(starters.roles());
        definition.manifest().rollback().decisionOwner().filter(o -> !roles.contains(o)).ifPresent(roles::add);
        return new Principals(starters.slackUsers(), starters.slackGroups(), starters.discordUsers(),
                starters.discordRoles(), roles);
    }

    private String ownerTitle() {
        return definition.manifest().rollback().decisionOwner().flatMap(definition.manifest()::role)
                .map(dev.countdown.manifest.RoleSpec::title).orElse("the decision owner");
    }

    static String key(String rollbackId, int attempt) {
        return "countdown-" + rollbackId + "-" + attempt;
    }

    private static Optional<CommandResult.Refused> refused(Release r, Refusal kind, String message) {
        return Optional.of(new CommandResult.Refused(kind, message, Principals.NONE, r.id()));
    }

    private static String join(String a, String b) {
        String x = Ceremony.note(a);
        String y = Ceremony.note(b);
        return x.isEmpty() ? y : y.isEmpty() ? x : x + "\n" + y;
    }
}
