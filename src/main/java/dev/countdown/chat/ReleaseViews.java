package dev.countdown.chat;

import dev.countdown.manifest.Principals;
import dev.countdown.manifest.RoleSpec;
import dev.countdown.release.DecisionRecord;
import dev.countdown.release.ItemState;
import dev.countdown.release.ItemStatus;
import dev.countdown.release.LoadedRelease;
import dev.countdown.release.Release;
import dev.countdown.release.ReleaseDefinition;
import dev.countdown.release.Vote;
import dev.countdown.template.ChecklistItem;
import dev.countdown.template.Gate;
import dev.countdown.template.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds the platform-neutral {@link ReleaseView} of a release. */
public final class ReleaseViews {

    private ReleaseViews() {
    }

    public static ReleaseView of(LoadedRelease loaded) {
        return of(loaded, java.time.Instant.now());
    }

    /** The view at {@code now}: probe evidence older than its freshness limit shows as stale. */
    public static ReleaseView of(LoadedRelease loaded, java.time.Instant now) {
        Release r = loaded.release();
        ReleaseDefinition d = loaded.definition();
        List<ChecklistItem> items = d.template().items();
        int settled = (int) items.stream().filter(i -> r.item(i.id()).state().isSettled()).count();
        int failed = (int) items.stream().filter(i -> r.item(i.id()).state() == ItemState.FAIL).count();
        int pending = (int) items.stream().filter(i -> r.item(i.id()).state() == ItemState.PENDING).count();
        List<ReleaseView.RoleView> roles = d.approvalRoles().stream().map(role -> role(role, r, d)).toList();
        int required = (int) roles.stream().filter(ReleaseView.RoleView::required).count();
        int approved = (int) roles.stream().filter(x -> x.required() && x.satisfied()).count();
        List<ReleaseView.DecisionView> decisions = new ArrayList<>();
        for (int k = 0; k < r.decisions().size(); k++) {
            decisions.add(decision(k + 1, r.decisions().get(k)));
        }
        return new ReleaseView(r.id(), r.service(), r.version(), r.state().label(), r.acceptsWork(), r.round(),
                d.phase(r.phase()).label(), new ReleaseView.Counters(items.size(), settled, failed, pending, required, approved),
                d.template().sections().stream().map(s -> section(s, r, d, decisions)).toList(), roles, decisions,
                d.manifest().probes().values().stream().map(p -> probe(p, r, d, now)).toList(), alerts(r),
                d.manifest().policy().override().isPresent() || d.manifest().windows().isPresent(), rollback(r, d),
                reminders(r, d), r.acceptsWork() && !r.isRollback()
                        ? d.manifest().windows().flatMap(w -> w.notice(now)) : Optional.empty());
    }

    private static Optional<ReleaseView.RollbackView> rollback(Release r, ReleaseDefinition d) {
        if (r.rollback() == null) {
            return Optional.empty();
        }
        var link = r.rollback();
        if (!r.isRollback()) {
            return Optional.of(new ReleaseView.RollbackView(false, link.undoneBy(), "", "", Optional.empty(), 0, ""));
        }
        String type = d.manifest().rollback().action().map(a -> a.type()).orElse("none");
        var run = Optional.ofNullable(link.run());
        return Optional.of(new ReleaseView.RollbackView(true, link.undoes(), link.undoesVersion(), type,
                run.map(x -> x.state().label()), run.map(x -> x.attempt()).orElse(0), run.map(x -> x.summary()).orElse("")));
    }

    private static List<ReleaseView.ReminderView> reminders(Release r, ReleaseDefinition d) {
        List<ReleaseView.ReminderView> reminders = new ArrayList<>();
        for (int k = 0; k < r.reminders().size(); k++) {
            var reminder = r.reminders().get(k);
            List<Principals> owners = reminder.mentioned().stream()
                    .flatMap(role -> d.manifest().role(role).stream()).map(RoleSpec::owners).toList();
            reminders.add(new ReleaseView.ReminderView(k + 1, reminder.escalation(), titles(reminder.pending(), d),
                    titles(reminder.mentioned(), d), union(owners), reminder.at()));
        }
        return reminders;
    }

    private static List<String> titles(List<String> roles, ReleaseDefinition d) {
        return roles.stream().map(role -> d.manifest().role(role).map(RoleSpec::title).orElse(role)).toList();
    }

    /** Everyone of several roles' owners, each once: one person owning two pending roles is mentioned once. */
    private static Principals union(List<Principals> all) {
        return new Principals(merged(all, Principals::slackUsers), merged(all, Principals::slackGroups),
                merged(all, Principals::discordUsers), merged(all, Principals::discordRoles), List.of());
    }

    private static List<String> merged(List<Principals> all, java.util.function.Function<Principals, List<String>> field) {
        return all.stream().flatMap(p -> field.apply(p).stream()).distinct().toList();
    }

    private static List<ReleaseView.AlertView> alerts(Release r) {
        List<ReleaseView.AlertView> alerts = new ArrayList<>();
        for (int k = 0; k < r.alerts().size(); k++) {
            var a = r.alerts().get(k);
            alerts.add(new ReleaseView.AlertView(k + 1, a.probe(), a.summary(), a.at()));
        }
        return alerts;
    }

    private static ReleaseView.ProbeView probe(dev.countdown.manifest.ProbeSpec spec, Release r, ReleaseDefinition d,
                                               java.time.Instant now) {
        dev.countdown.release.ProbeRecord last = r.probes().get(spec.name());
        if (last == null) {
            return new ReleaseView.ProbeView(spec.name(), spec.type(), Optional.empty(), "", Optional.empty(),
                    Optional.empty(), false);
        }
        boolean stale = java.time.Duration.between(last.at(), now).compareTo(d.manifest().freshness(spec)) > 0;
        return new ReleaseView.ProbeView(spec.name(), spec.type(), Optional.of(last.outcome()), last.summary(),
                Optional.of(last.at()), Optional.of(last.by().displayName()), stale);
    }

    private static ReleaseView.SectionView section(Section s, Release r, ReleaseDefinition d,
                                                   List<ReleaseView.DecisionView> decisions) {
        boolean locked = s.items().stream().anyMatch(i -> d.phaseOf(i.id()) > r.phase());
        Optional<ReleaseView.DecisionView> decided = Optional.empty();
        for (int k = 0; k < r.decisions().size(); k++) {
            if (s.gate().isPresent() && s.id().equals(r.decisions().get(k).gate())) {
                decided = Optional.of(decisions.get(k));
            }
        }
        return new ReleaseView.SectionView(s.id(), s.title(), s.level(), s.gate().map(Gate::label), locked,
                s.items().stream().map(i -> item(i, r.item(i.id()))).toList(), decided);
    }

    private static ReleaseView.ItemView item(ChecklistItem item, ItemStatus status) {
        return new ReleaseView.ItemView(item.id(), item.text(), status.state(),
                Optional.ofNullable(status.by()).map(b -> b.displayName()), Optional.ofNullable(status.at()),
                status.notes().stream().map(n -> new ReleaseView.NoteView(n.text(),
                        n.by() == null ? "" : n.by().displayName(), n.at(), n.state())).toList());
    }

    private static ReleaseView.RoleView role(RoleSpec role, Release r, ReleaseDefinition d) {
        List<Vote> votes = r.votes(role.id());
        return new ReleaseView.RoleView(role.id(), role.title(), role.approvals(),
                d.requires(role.id()),
                votes.stream().filter(Vote::approve).map(v -> v.by().displayName()).toList(),
                votes.stream().filter(v -> !v.approve()).map(v -> v.by().displayName()).toList(), role.owners());
    }

    private static ReleaseView.DecisionView decision(int index, DecisionRecord d) {
        return new ReleaseView.DecisionView(index, d.round(), d.gateLabel(), d.isFinal(), d.outcome(), d.overridden(),
                d.reasons().stream().map(reason -> reason.text()).toList(), d.by().displayName(), d.at(), d.note());
    }
}
