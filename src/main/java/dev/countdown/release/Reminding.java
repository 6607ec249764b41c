package dev.countdown.release;

import dev.countdown.manifest.DecisionPolicy;
import dev.countdown.manifest.ReminderPlan;
import dev.countdown.manifest.RoleSpec;
import dev.countdown.release.CommandResult.Refusal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code remind}: Countdown's nudge about approvals still pending, by the manifest's
 * {@code reminders}. It asks again what is pending when it runs, so an approval given meanwhile,
 * a decision or a reopen leaves nothing to say. Inside quiet hours it is deferred to their end,
 * on the record; the owners of a role are mentioned once a round, the escalation role once too.
 */
final class Reminding {

    private final ReleaseDefinition definition;

    Reminding(ReleaseDefinition definition) {
        this.definition = definition;
    }

    Step remind(Release release, Command.Remind c, Actor actor, Instant now) {
        if (actor.source() != IdentitySource.SYSTEM) {
            return Ceremony.refuse(Refusal.FORBIDDEN, release.id(), "Reminders are Countdown's own.");
        }
        Optional<ReminderPlan> plan = definition.manifest().reminders();
        List<String> pending = pending(release);
        boolean current = release.state() == ReleaseState.OPEN && !release.isRollback() && release.round() == c.round()
                && definition.isLastPhase(release.phase());
        if (plan.isEmpty() || !current || pending.isEmpty()) {
            return nothing(release, "Nothing to remind of.");
        }
        String kind = c.escalate() ? "escalation" : "reminder";
        Optional<Instant> quietUntil = plan.get().quietUntil(now);
        if (quietUntil.isPresent()) {
            var quiet = plan.get().quiet().orElseThrow();
            return new Step.Changed(release, List.of(new Change("approval.reminder-deferred", kind, "",
                    quietUntil.get().toString(), "quiet hours " + quiet.written() + " " + plan.get().zone().getId())),
                    "The " + kind + " waits for the end of the quiet hours.");
        }
        List<String> mentioned = new ArrayList<>(c.escalate() ? plan.get().escalateTo().stream().toList() : pending);
        release.reminders().stream().filter(r -> r.round() == c.round() && r.escalation() == c.escalate())
                .forEach(r -> mentioned.removeAll(r.mentioned()));
        if (mentioned.isEmpty()) {
            return nothing(release, "Everyone was reminded already.");
        }
        String titles = String.join(", ", pending.stream().map(this::title).toList());
        Change change = c.escalate()
                ? new Change("approval.escalated", String.join(",", mentioned), "", String.join(",", pending),
                "still pending: " + titles)
                : new Change("approval.reminded", String.join(",", pending), "", String.join(",", mentioned),
                "still pending: " + titles);
        return new Step.Changed(release.withReminder(new Reminder(c.round(), c.escalate(), pending, mentioned, now)),
                List.of(change), (c.escalate() ? "Escalated: " : "Reminded: ") + titles + " still pending.");
    }

    /** The approvals a GO still waits for: required roles short of approvals, and a quorum's roles while it is short. */
    List<String> pending(Release release) {
        DecisionPolicy policy = definition.manifest().policy();
        List<String> pending = new ArrayList<>();
        policy.requiredRoles().stream().filter(role -> waiting(release, role)).forEach(pending::add);
        policy.quorum().ifPresent(q -> {
            long met = q.of().stream().filter(role -> release.approvals(role) >= need(role)).count();
            if (met < q.atLeast()) {
                q.of().stream().filter(role -> waiting(release, role) && !pending.contains(role)).forEach(pending::add);
            }
        });
        return pending;
    }

    /** Short of approvals and not rejected: a rejection is an answer, not something to be reminded of. */
    private boolean waiting(Release release, String roleId) {
        return release.votes(roleId).stream().allMatch(Vote::approve) && release.approvals(roleId) < need(roleId);
    }

    private int need(String roleId) {
        return definition.manifest().role(roleId).map(RoleSpec::approvals).orElse(1);
    }

    private String title(String roleId) {
        return definition.manifest().role(roleId).map(RoleSpec::title).orElse(roleId);
    }

    private static Step nothing(Release release, String message) {
        return new Step.Changed(release, List.of(), message);
    }
}
