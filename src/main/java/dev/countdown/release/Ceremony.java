package dev.countdown.release;

import dev.countdown.manifest.Principals;
import dev.countdown.manifest.RoleSpec;
import dev.countdown.release.CommandResult.Refusal;
import dev.countdown.template.ChecklistItem;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules of a release ceremony: what each command does to a release, and when it is refused.
 * Pure: no storage, no clock, no platform; {@link ReleaseService} brings those.
 */
final class Ceremony {

    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0," + (Limits.VERSION - 1) + "}");

    private final ReleaseDefinition definition;
    private final Authorizer authorizer;
    private final Describer describer;

    Ceremony(ReleaseDefinition definition) {
        this(definition, new Authorizer(definition.manifest()));
    }

    private Ceremony(ReleaseDefinition definition, Authorizer authorizer) {
        this.definition = definition;
        this.authorizer = authorizer;
        this.describer = new Describer(definition.manifest());
    }

    Step start(String releaseId, Command.Start start, Actor actor, Instant now) {
        // Permission first: someone who may not start learns nothing else, not even that a release exists.
        Optional<Step> refused = startRefusal(actor);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!VERSION.matcher(start.version()).matches()) {
            return refuse(Refusal.INVALID, null, "'" + Limits.shown(start.version()) + "' is not a version: use "
                    + "letters, digits, '.', '-', '+' or '_', at most " + Limits.VERSION + ", e.g. v1.2.0");
        }
        Release release = new Release(releaseId, definition.manifest().service(), start.version(), definition.hash(),
                ReleaseState.OPEN, 1, 0, prechecked(actor, now), java.util.Map.of(), List.of(), actor.ref(), now,
                java.util.Map.of(), List.of(), null, List.of());
        return new Step.Changed(release, List.of(new Change("release.started", start.version(), "", "open",
                definition.template().title())), "Release " + release.service() + " " + release.version() + " started.");
    }

    /**
     * The decisions {@code policy.auto-decide} takes on {@code release} at once, gate after gate
     * while the policy allows a GO; none when the manifest does not ask for them.
     */
    List<Step.Changed> autoDecisions(Release release, Instant now) {
        List<Step.Changed> taken = new java.util.ArrayList<>();
        Decision decision = new Decision(definition, describer);
        for (Optional<Step.Changed> next = decision.auto(release, now); next.isPresent();
                next = decision.auto(taken.getLast().release(), now)) {
            taken.add(next.get());
        }
        return taken;
    }

    /** Why {@code actor} may not start a release of this service, if so. */
    Optional<Step> startRefusal(Actor actor) {
        // The release will be started by this actor: in the playground if they act from there.
        Authorizer starting = new Authorizer(definition.manifest(), actor.ref());
        if (!starting.allows(starting.starters(), actor)) {
            return Optional.of(forbidden(null, "You may not start a release of " + definition.manifest().service()
                    + ".", starting.starters()));
        }
        return Optional.empty();
    }

    Step apply(Release release, Command command, Actor actor, Instant now) {
        Optional<String> elsewhere = Authorizer.venueRefusal(actor, release.startedBy());
        if (elsewhere.isPresent()) {
            return refuse(Refusal.FORBIDDEN, release.id(), elsewhere.get());
        }
        return new Ceremony(definition, new Authorizer(definition.manifest(), release.startedBy()))
                .applyAuthorized(release, command, actor, now);
    }

    private Step applyAuthorized(Release release, Command command, Actor actor, Instant now) {
        if (release.isRollback()) {
            RollbackCeremony rollback = new RollbackCeremony(definition, authorizer);
            switch (command) {
                case Command.ActionStep c -> {
                    return rollback.action(release, c, actor, now);
                }
                case Command.CastVote c -> {
                    Step voted = vote(release, c, actor, now);
                    return voted instanceof Step.Changed changed ? rollback.afterVote(changed, c, actor, now) : voted;
                }
                case Command.Decide c -> {
                    return refuse(Refusal.CONFLICT, release.id(), "A rollback is decided by its decision owner's "
                            + "approval, on its approvals message.");
                }
                case Command.Cancel c -> {
                    return refuse(Refusal.CONFLICT, release.id(), "A rollback is called off by its decision owner's "
                            + "rejection, on its approvals message.");
                }
                default -> {
                    // items, notes and probes work as in any ceremony
                }
            }
        }
        return switch (command) {
            case Command.Start s -> refuse(Refusal.INVALID, release.id(), "a release cannot be started twice");
            case Command.SetItem c -> setItem(release, c, actor, now);
            case Command.AddNote c -> addNote(release, c, actor, now);
            case Command.CastVote c -> vote(release, c, actor, now);
            case Command.Decide c -> new Decision(definition, describer).decide(release, c, actor, now, authorizer);
            case Command.Cancel c -> cancel(release, c, actor);
            case Command.Reopen c -> reopen(release, c, actor);
            case Command.RecordProbes c -> recordProbes(release, c, actor, now);
            case Command.StartRollback c -> refuse(Refusal.INVALID, release.id(), "a rollback is started by the service");
            case Command.ActionStep c -> refuse(Refusal.INVALID, release.id(), "Only a rollback has an action to run.");
            case Command.Remind c -> new Reminding(definition).remind(release, c, actor, now);
            case Command.WindowOpening c -> windowOpening(release, actor, now);
        };
    }

    private Step windowOpening(Release release, Actor actor, Instant now) {
        if (actor.source() != IdentitySource.SYSTEM) {
            return refuse(Refusal.FORBIDDEN, release.id(), "Window openings are Countdown's own.");
        }
        var windows = definition.manifest().windows();
        if (windows.isEmpty() || !release.acceptsWork() || windows.get().closed(now).isPresent()) {
            return new Step.Changed(release, List.of(), "No window to open.");
        }
        String phase = definition.phase(release.phase()).label();
        return new Step.Changed(release, List.of(new Change("window.opened", phase, "closed", "open",
                "a GO may be given now")), "The change window is open: " + phase + " may be decided now.");
    }

    private Step setItem(Release release, Command.SetItem c, Actor actor, Instant now) {
        Optional<Step> refused = checkItem(release, c.itemId(), actor);
        if (refused.isPresent()) {
            return refused.get();
        }
        ItemStatus before = release.item(c.itemId());
        String note = note(c.note());
        if (before.state() == c.state() && !before.bySystem()) {
            // The same state again: who set it and when stand; a note given with it is kept as a note.
            return note.isEmpty() ? new Step.Changed(release, List.of(), "Already " + c.state().label() + ".")
                    : addNote(release, new Command.AddNote(release.id(), c.itemId(), note), actor, now);
        }
        ItemStatus after = before.set(c.state(), actor.ref(), now, note, false);
        return new Step.Changed(release.withItem(c.itemId(), after),
                List.of(new Change("item.set", c.itemId(), before.state().label(), c.state().label(), note)),
                itemText(c.itemId()) + ": " + c.state().label() + ".");
    }

    private Step addNote(Release release, Command.AddNote c, Actor actor, Instant now) {
        Optional<Step> refused = checkItem(release, c.itemId(), actor);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (c.note() == null || c.note().isBlank()) {
            return refuse(Refusal.INVALID, release.id(), "A note needs some text.");
        }
        ItemStatus before = release.item(c.itemId());
        ItemNote added = new ItemNote(note(c.note()), actor.ref(), now, "");
        return new Step.Changed(release.withItem(c.itemId(), before.withNote(added)),
                List.of(new Change("item.note", c.itemId(), "", added.text(), "")),
                "Note added to " + itemText(c.itemId()) + ".");
    }

    /** Sizes are checked before a command gets here: see {@link Limits}. */
    private Optional<Step> checkItem(Release release, String itemId, Actor actor) {
        Optional<ChecklistItem> item = definition.item(itemId);
        if (item.isEmpty()) {
            return Optional.of(refuse(Refusal.NOT_FOUND, release.id(), "This release's checklist has no item '"
                    + itemId + "'."));
        }
        if (!release.acceptsWork()) {
            return Optional.of(refuse(Refusal.CONFLICT, release.id(), "The release is " + release.state().label()
                    + "; items can change only while it is open" + (release.state() == ReleaseState.NO_GO
                    ? " (reopen it first)." : ".")));
        }
        int phase = definition.phaseOf(itemId);
        if (phase > release.phase() && release.isRollback()) {
            return Optional.of(refuse(Refusal.CONFLICT, release.id(), "'" + item.get().text()
                    + "' unlocks once the rollback is done."));
        }
        if (phase > release.phase()) {
            return Optional.of(refuse(Refusal.CONFLICT, release.id(), "'" + item.get().text() + "' unlocks after "
                    + definition.phase(phase - 1).label() + " is GO."));
        }
        if (!authorizer.allows(authorizer.participants(), actor)) {
            return Optional.of(forbidden(release.id(), "You have no part in this release's ceremony.",
                    authorizer.participants()));
        }
        return Optional.empty();
    }

    private Step vote(Release release, Command.CastVote c, Actor actor, Instant now) {
        Optional<RoleSpec> role = definition.manifest().role(c.roleId());
        if (role.isEmpty()) {
            return refuse(Refusal.NOT_FOUND, release.id(), "No role '" + c.roleId() + "' in this release.");
        }
        if (!release.state().acceptsWork()) {
            return refuse(Refusal.CONFLICT, release.id(), "The release is " + release.state().label()
                    + "; approvals can change only while it is open.");
        }
        if (!authorizer.owns(actor, c.roleId())) {
            return forbidden(release.id(), "Only the owners of " + role.get().title() + " can "
                    + (c.approve() ? "approve" : "reject") + " it.", authorizer.owners(c.roleId()));
        }
        Optional<Vote> previous = release.votes(c.roleId()).stream()
                .filter(v -> v.by().source() == actor.source() && v.by().userId().equals(actor.userId())).findFirst();
        if (previous.isPresent() && previous.get().approve() == c.approve()) {
            return new Step.Changed(release, List.of(), "You already " + (c.approve() ? "approved " : "rejected ")
                    + role.get().title() + ".");
        }
        String verb = c.approve() ? "approved" : "rejected";
        return new Step.Changed(release.withVote(c.roleId(), new Vote(actor.ref(), c.approve(), now, note(c.note()))),
                List.of(new Change("role." + verb, c.roleId(), previous.map(v -> v.approve() ? "approved" : "rejected")
                        .orElse(""), verb, note(c.note()))),
                role.get().title() + " " + verb + " by " + actor.displayName() + ".");
    }

    private Step cancel(Release release, Command.Cancel c, Actor actor) {
        if (!authorizer.allows(authorizer.deciders(), actor)) {
            return forbidden(release.id(), "You may not cancel this release.", authorizer.deciders());
        }
        if (!release.state().canMoveTo(ReleaseState.CANCELLED)) {
            return refuse(Refusal.CONFLICT, release.id(), "A " + release.state().label() + " release cannot be cancelled.");
        }
        return new Step.Changed(release.withState(ReleaseState.CANCELLED),
                List.of(new Change("release.cancelled", "", release.state().label(), "cancelled", note(c.reason()))),
                "Release cancelled.");
    }

    private Step reopen(Release release, Command.Reopen c, Actor actor) {
        if (!authorizer.allows(authorizer.deciders(), actor)) {
            return forbidden(release.id(), "You may not reopen this release.", authorizer.deciders());
        }
        if (release.state() != ReleaseState.NO_GO) {
            return refuse(Refusal.CONFLICT, release.id(), "Only a NO-GO release can be reopened; this one is "
                    + release.state().label() + ".");
        }
        Release next = release.reopened();
        return new Step.Changed(next, List.of(new Change("release.reopened", "round " + next.round(), "no-go", "open",
                note(c.note()))), "Release reopened for round " + next.round() + ".");
    }

    /**
     * Keeps each result and moves the items bound to its probe: pass on success, fail with the
     * reason otherwise, unless a person set the item by hand. Items of locked phases wait.
     */
    private Step recordProbes(Release release, Command.RecordProbes c, Actor actor, Instant now) {
        if (release.state().isTerminal() && !release.isRollback()) {
            // a rollback that is done still records its verification probes
            return refuse(Refusal.CONFLICT, release.id(), "The release is " + release.state().label() + ".");
        }
        // The watch runs as the system, on the manifest's own schedule.
        if (actor.source() != IdentitySource.SYSTEM && !authorizer.allows(authorizer.participants(), actor)) {
            return forbidden(release.id(), "You may not run this release's probes.", authorizer.participants());
        }
        Release next = release;
        List<Change> changes = new java.util.ArrayList<>();
        for (Command.ProbeOutcome result : c.results()) {
            Optional<ProbeRecord> last = Optional.ofNullable(release.probes().get(result.name()));
            int failures = result.passed() ? 0 : last.map(ProbeRecord::failuresInARow).orElse(0) + 1;
            next = next.withProbe(new ProbeRecord(result.name(), result.type(), result.outcome(), result.summary(),
                    result.attempts(), now, actor.ref(), failures));
            changes.add(new Change("probe." + result.outcome(), result.name(), last.map(ProbeRecord::outcome).orElse(""),
                    result.outcome(), result.summary() + "\n" + result.evidence()));
            if (firesAlert(release, result.name(), failures)) {
                next = next.withAlert(new Alert(result.name(), result.summary(), now));
                changes.add(new Change("alert.raised", result.name(), "", "rollback recommended", result.summary()));
            }
            for (String itemId : definition.manifest().bindings().getOrDefault(result.name(), List.of())) {
                ItemStatus status = next.item(itemId);
                boolean byHand = status.state() != ItemState.PENDING && !status.bySystem();
                if (byHand || !release.state().acceptsWork() || definition.phaseOf(itemId) > release.phase()) {
                    continue;
                }
                ItemState state = result.passed() ? ItemState.PASS : ItemState.FAIL;
                String note = "probe " + result.name() + ": " + result.summary();
                // A probe that says the same again adds no note: its result is in the probe's own record.
                boolean repeated = status.bySystem() && status.state() == state && status.lastNote().equals(note);
                next = next.withItem(itemId, status.set(state, actor.ref(), now, repeated ? "" : note, true));
                changes.add(new Change("item.set", itemId, status.state().label(), state.label(), note));
            }
        }
        long passed = c.results().stream().filter(Command.ProbeOutcome::passed).count();
        return new Step.Changed(next, changes, passed + " of " + c.results().size() + " probes passed.");
    }

    /** A watched abort criterion failing as often in a row as the watch allows, while the GO is watched. */
    private boolean firesAlert(Release release, String probe, int failuresInARow) {
        return release.state() == ReleaseState.GO && definition.manifest().watch()
                .filter(w -> w.probes().contains(probe) && failuresInARow == w.failures()).isPresent();
    }

    private java.util.Map<String, ItemStatus> prechecked(Actor actor, Instant now) {
        java.util.Map<String, ItemStatus> items = new java.util.LinkedHashMap<>();
        definition.template().items().stream().filter(ChecklistItem::checked).forEach(i ->
                items.put(i.id(), ItemStatus.PENDING.set(ItemState.PASS, actor.ref(), now, "pre-checked in the template",
                        false)));
        return items;
    }

    private String itemText(String itemId) {
        return definition.item(itemId).map(ChecklistItem::text).orElse(itemId);
    }

    static String note(String note) {
        return note == null ? "" : note.strip();
    }

    private Step forbidden(String releaseId, String message, Principals whoCould) {
        return new Step.Refused(new CommandResult.Refused(Refusal.FORBIDDEN, message, whoCould, releaseId,
                describer.whoCan(whoCould)));
    }

    static Step refuse(Refusal kind, String releaseId, String message) {
        return new Step.Refused(new CommandResult.Refused(kind, message, Principals.NONE, releaseId));
    }
}
