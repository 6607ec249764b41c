package dev.countdown.web;

import dev.countdown.chat.ReleaseView;
import dev.countdown.chat.ReleaseView.ItemView;
import dev.countdown.chat.ReleaseView.SectionView;
import dev.countdown.chat.ReleaseViews;
import dev.countdown.evidence.AuditEvent;
import dev.countdown.manifest.Principals;
import dev.countdown.release.LoadedRelease;
import dev.countdown.release.Outcome;
import dev.countdown.release.Vote;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Builds a {@link ReleasePage} from a release and its audit trail; people are named through {@link People}. */
@Singleton
public class ReleasePages {

    private final People people;
    private final Clock clock;

    ReleasePages(People people, Clock clock) {
        this.people = people;
        this.clock = clock;
    }

    public ReleasePage of(LoadedRelease recorded, List<AuditEvent> trail) {
        LoadedRelease loaded = people.named(recorded);
        List<AuditEvent> events = people.named(trail);
        Instant now = clock.instant();
        ReleaseView v = ReleaseViews.of(loaded, now);
        List<ReleasePage.Approval> approvals = v.roles().stream().map(r -> approval(loaded, r)).toList();
        List<ReleasePage.Step> timeline = events.stream().map(this::step).toList();
        return new ReleasePage(v, gates(v), approvals, timeline, people, now);
    }

    LoadedRelease named(LoadedRelease loaded) {
        return people.named(loaded);
    }

    List<AuditEvent> namedEvents(List<AuditEvent> events) {
        return people.named(events);
    }

    dev.countdown.release.DisplayNames names() {
        return people.names();
    }

    /** The sections cut where a gate closes a phase; items after the last gate make one more, the release's own. */
    static List<ReleasePage.Gate> gates(ReleaseView v) {
        List<ReleasePage.Gate> gates = new ArrayList<>();
        List<ItemView> phase = new ArrayList<>();
        List<SectionView> sections = new ArrayList<>();
        boolean currentFound = false;
        for (SectionView s : v.sections()) {
            phase.addAll(s.items());
            if (!s.items().isEmpty()) {
                sections.add(s);
            }
            if (s.gate().isPresent()) {
                boolean passed = s.decided().map(d -> d.outcome() == Outcome.GO).orElse(false);
                boolean current = v.open() && !passed && !currentFound;
                currentFound |= current;
                gates.add(new ReleasePage.Gate(s.gate().get(), Progress.of(phase), sections, s.decided(), current));
                phase = new ArrayList<>();
                sections = new ArrayList<>();
            }
        }
        if (!phase.isEmpty() || gates.isEmpty()) {
            var last = v.decisions().stream().filter(ReleaseView.DecisionView::isFinal).reduce((a, b) -> b);
            gates.add(new ReleasePage.Gate("Release decision", Progress.of(phase), sections, last, v.open() && !currentFound));
        }
        return gates;
    }

    private ReleasePage.Approval approval(LoadedRelease loaded, ReleaseView.RoleView role) {
        List<Vote> votes = loaded.release().votes(role.id());
        Set<String> voted = votes.stream().map(vote -> vote.by().userId()).collect(Collectors.toSet());
        List<String> awaited = role.satisfied() || !role.rejectedBy().isEmpty() ? List.of() : awaited(role.owners(), voted);
        return new ReleasePage.Approval(role, role.approvedBy().stream().map(people::shown).toList(),
                role.rejectedBy().stream().map(people::shown).toList(), awaited);
    }

    private List<String> awaited(Principals owners, Set<String> voted) {
        return Stream.of(
                owners.slackUsers().stream().filter(id -> !voted.contains(id)).map(people::slackUser),
                owners.discordUsers().stream().filter(id -> !voted.contains(id)).map(people::discordUser),
                owners.slackGroups().stream().map(g -> "anyone in " + people.shown(g)),
                owners.discordRoles().stream().map(r -> "anyone with role " + people.shown(r)),
                owners.roles().stream().map(r -> "an owner of " + r)).flatMap(s -> s).toList();
    }

    private ReleasePage.Step step(AuditEvent e) {
        String change = e.before().isEmpty() && e.after().isEmpty() ? "" : e.before() + " → " + e.after();
        return new ReleasePage.Step(e.at(), people.shown(e.actorName()), e.type().replace('.', ' ').replace('-', ' '),
                e.subject(), change, e.note());
    }
}
