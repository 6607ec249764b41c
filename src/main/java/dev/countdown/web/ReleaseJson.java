package dev.countdown.web;

import dev.countdown.chat.ReleaseView;
import dev.countdown.chat.ReleaseViews;
import dev.countdown.release.ActorRef;
import dev.countdown.release.DecisionRecord;
import dev.countdown.release.ItemStatus;
import dev.countdown.release.LoadedRelease;
import dev.countdown.release.Release;
import dev.countdown.release.ReleaseDefinition;
import dev.countdown.manifest.RoleSpec;
import dev.countdown.template.Section;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** A release as the REST API shows it; every field is always present, null or empty when it has no value. */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
@Serdeable
record ReleaseJson(String id, String service, String version, String state, int round, String phase,
                   Counters counters, List<SectionJson> sections, List<RoleJson> approvals,
                   List<DecisionJson> decisions, List<ProbeJson> probes, List<AlertJson> alerts, String startedBy,
                   String startedAt) {

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)

    @Serdeable
    record AlertJson(String probe, String summary, String at) {
    }

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)

    @Serdeable
    record Counters(int items, int passed, int failed, int pending, int rolesApproved, int rolesRequired) {
    }

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)

    @Serdeable
    record SectionJson(String id, String title, int level, @Nullable String gate, List<ItemJson> items) {
    }

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)

    @Serdeable
    record ItemJson(String id, String text, String state, @Nullable String by, @Nullable String at,
                    List<NoteJson> notes) {
    }

    /** A note on an item, oldest first; {@code state} is the state it was given with ("fail": the failure reason), or empty. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
    @Serdeable
    record NoteJson(String text, @Nullable String by, String at, String state) {
    }

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)

    @Serdeable
    record RoleJson(String id, String title, int needed, long approvals, boolean required, List<String> approvedBy,
                    List<String> rejectedBy) {
    }

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)

    @Serdeable
    record DecisionJson(int round, String gate, String outcome, boolean overridden, String by, String at,
                        List<String> reasons) {
    }

    /** A probe of the manifest and its last result here; {@code stale} when older than its freshness limit. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
    @Serdeable
    record ProbeJson(String name, String type, @Nullable String outcome, @Nullable String summary,
                     @Nullable String at, @Nullable String by, String freshFor, boolean stale) {
    }

    static ReleaseJson of(LoadedRelease loaded, java.time.Instant now) {
        Release r = loaded.release();
        ReleaseDefinition d = loaded.definition();
        // The figures every chat shows, counted in one place.
        ReleaseView.Counters c = ReleaseViews.of(loaded, now).counters();
        List<String> required = d.manifest().policy().requiredRoles();
        return new ReleaseJson(r.id(), r.service(), r.version(), r.state().label(), r.round(),
                d.phase(r.phase()).label(), new Counters(c.items(), c.settled(), c.failed(), c.pending(),
                        c.rolesApproved(), c.rolesRequired()),
                d.template().sections().stream().map(s -> section(s, r)).toList(),
                d.manifest().roles().values().stream().map(role -> role(role, r, required)).toList(),
                r.decisions().stream().map(ReleaseJson::decision).toList(),
                d.manifest().probes().values().stream().map(p -> probe(p, r, d, now)).toList(),
                r.alerts().stream().map(a -> new AlertJson(a.probe(), a.summary(), a.at().toString())).toList(),
                r.startedBy().label(), r.startedAt().toString());
    }

    private static ProbeJson probe(dev.countdown.manifest.ProbeSpec spec, Release r, ReleaseDefinition d,
                                   java.time.Instant now) {
        java.time.Duration limit = d.manifest().freshness(spec);
        String fresh = limit.toString().substring(2).toLowerCase();
        dev.countdown.release.ProbeRecord last = r.probes().get(spec.name());
        if (last == null) {
            return new ProbeJson(spec.name(), spec.type(), null, null, null, null, fresh, false);
        }
        return new ProbeJson(spec.name(), spec.type(), last.outcome(), last.summary(), last.at().toString(),
                last.by().label(), fresh, java.time.Duration.between(last.at(), now).compareTo(limit) > 0);
    }

    private static SectionJson section(Section s, Release r) {
        return new SectionJson(s.id(), s.title(), s.level(), s.gate().map(g -> g.label()).orElse(null),
                s.items().stream().map(i -> {
                    ItemStatus status = r.item(i.id());
                    return new ItemJson(i.id(), i.text(), status.state().label(), label(status.by()),
                            status.at() == null ? null : status.at().toString(), status.notes().stream()
                            .map(n -> new NoteJson(n.text(), label(n.by()), n.at().toString(), n.state())).toList());
                }).toList());
    }

    private static RoleJson role(RoleSpec role, Release r, List<String> required) {
        return new RoleJson(role.id(), role.title(), role.approvals(), r.approvals(role.id()),
                required.contains(role.id()),
                r.votes(role.id()).stream().filter(v -> v.approve()).map(v -> v.by().label()).toList(),
                r.votes(role.id()).stream().filter(v -> !v.approve()).map(v -> v.by().label()).toList());
    }

    private static DecisionJson decision(DecisionRecord d) {
        return new DecisionJson(d.round(), d.gateLabel(), d.outcome().label(), d.overridden(), d.by().label(),
                d.at().toString(), d.reasons().stream().map(reason -> reason.text()).toList());
    }

    private static String label(ActorRef ref) {
        return ref == null ? null : ref.label();
    }
}
