package dev.countdown.release;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.countdown.evidence.AuditEvent;
import dev.countdown.evidence.EvidenceBundle;
import dev.countdown.manifest.RoleSpec;
import dev.countdown.template.ChecklistItem;
import dev.countdown.template.Section;
import java.time.Instant;
import java.util.List;

/** A release's evidence bundle: everything it stands on, sealed with its audit chain. */
public final class ReleaseEvidence {

    private ReleaseEvidence() {
    }

    /** A release's own bundle, with no linked ceremony. */
    public static ObjectNode bundle(LoadedRelease loaded, List<AuditEvent> events, Instant now, DisplayNames names) {
        return bundle(loaded, events, java.util.Map.of(), now, names);
    }

    /**
     * The bundle, with the audit trail of the linked ceremony (a rollback's release, or a release's
     * rollback), everyone shown by {@code names} with the id beside each name. The audit events keep
     * the names as recorded (they are chained); {@code people} says what each id is called now.
     */
    public static ObjectNode bundle(LoadedRelease loaded, List<AuditEvent> events,
                                    java.util.Map<String, List<AuditEvent>> linked, Instant now, DisplayNames names) {
        Release r = loaded.named(names).release();
        ReleaseDefinition d = loaded.definition();
        ObjectNode content = EvidenceBundle.json().createObjectNode();
        content.put("generatedAt", now.toString());
        ObjectNode release = content.putObject("release");
        release.put("id", r.id());
        release.put("service", r.service());
        release.put("version", r.version());
        release.put("state", r.state().label());
        release.put("round", r.round());
        release.put("template", d.template().title());
        release.put("definitionHash", d.hash());
        release.put("startedBy", r.startedBy().label());
        release.put("startedAt", r.startedAt().toString());
        ArrayNode sections = content.putArray("sections");
        for (Section section : d.template().sections()) {
            ObjectNode s = sections.addObject();
            s.put("id", section.id());
            s.put("title", section.title());
            s.put("level", section.level());
            section.gate().ifPresentOrElse(g -> s.put("gate", g.label()), () -> s.putNull("gate"));
            s.set("gateDecision", gateDecision(r, section));
            ArrayNode items = s.putArray("items");
            for (ChecklistItem item : section.items()) {
                ItemStatus status = r.item(item.id());
                ObjectNode i = items.addObject();
                i.put("id", item.id());
                i.put("text", item.text());
                i.put("state", status.state().label());
                i.put("by", status.by() == null ? null : status.by().label());
                i.put("at", status.at() == null ? null : status.at().toString());
                ArrayNode notes = i.putArray("notes");
                status.notes().forEach(n -> notes.addObject().put("text", n.text())
                        .put("by", n.by() == null ? null : n.by().label()).put("at", n.at().toString())
                        .put("state", n.state()));
                i.put("bySystem", status.bySystem());
            }
        }
        ArrayNode approvals = content.putArray("approvals");
        for (RoleSpec role : d.approvalRoles()) {
            ObjectNode a = approvals.addObject();
            a.put("role", role.id());
            a.put("title", role.title());
            a.put("needed", role.approvals());
            a.put("required", d.requires(role.id()));
            ArrayNode votes = a.putArray("votes");
            for (Vote v : r.votes(role.id())) {
                votes.addObject().put("by", v.by().label()).put("vote", v.approve() ? "approve" : "reject")
                        .put("at", v.at().toString()).put("note", v.note());
            }
        }
        ArrayNode probes = content.putArray("probes");
        for (ProbeRecord p : r.probes().values()) {
            probes.addObject().put("name", p.name()).put("type", p.type()).put("outcome", p.outcome())
                    .put("summary", p.summary()).put("attempts", p.attempts()).put("at", p.at().toString())
                    .put("by", p.by().label());
        }
        ArrayNode alerts = content.putArray("alerts");
        r.alerts().forEach(a -> alerts.addObject().put("probe", a.probe()).put("summary", a.summary())
                .put("at", a.at().toString()));
        ArrayNode decisions = content.putArray("decisions");
        for (DecisionRecord decision : r.decisions()) {
            ObjectNode o = decisions.addObject();
            o.put("round", decision.round());
            o.put("gate", decision.gateLabel());
            o.put("final", decision.isFinal());
            o.put("outcome", decision.outcome().label());
            o.put("overridden", decision.overridden());
            o.put("by", decision.by().label());
            o.put("at", decision.at().toString());
            o.put("note", decision.note());
            ArrayNode reasons = o.putArray("reasons");
            decision.reasons().forEach(reason -> reasons.addObject().put("kind", reason.kind().name().toLowerCase())
                    .put("subject", reason.subject()).put("text", reason.text()));
        }
        // each person once, by the name they go by now, with the id the chained events hold
        ArrayNode people = content.putArray("people");
        java.util.Map<String, AuditEvent> first = new java.util.LinkedHashMap<>();
        java.util.stream.Stream.concat(events.stream(), linked.values().stream().flatMap(List::stream))
                .forEach(e -> first.putIfAbsent(e.actorSource() + ":" + e.actorId(), e));
        first.forEach((id, e) -> people.addObject().put("id", id).put("source", e.actorSource())
                .put("userId", e.actorId()).put("name", names.of(e)));
        if (r.rollback() != null) {
            rollback(content.putObject("rollback"), r, d);
        }
        return EvidenceBundle.seal(content, events, linked);
    }

    private static void rollback(ObjectNode o, Release r, ReleaseDefinition d) {
        RollbackLink link = r.rollback();
        if (!r.isRollback()) {
            o.put("undoneBy", link.undoneBy());
            return;
        }
        o.put("undoes", link.undoes());
        o.put("undoesVersion", link.undoesVersion());
        ArrayNode triggers = o.putArray("triggers");
        d.manifest().rollback().triggers().forEach(triggers::add);
        ObjectNode action = o.putObject("action");
        action.put("type", d.manifest().rollback().action().map(a -> a.type()).orElse("none"));
        ActionRun run = link.run();
        if (run != null) {
            action.put("attempt", run.attempt()).put("state", run.state().label()).put("key", run.key())
                    .put("requestedAt", run.requestedAt().toString()).put("updatedAt", run.updatedAt().toString())
                    .put("summary", run.summary());
        }
    }

    /** The latest decision of the section's gate: {outcome, overridden, by, at}, or null while it is not polled. */
    private static com.fasterxml.jackson.databind.JsonNode gateDecision(Release r, Section section) {
        DecisionRecord last = null;
        for (DecisionRecord d : r.decisions()) {
            if (section.gate().isPresent() && section.id().equals(d.gate())) {
                last = d;
            }
        }
        if (last == null) {
            return com.fasterxml.jackson.databind.node.NullNode.getInstance();
        }
        return EvidenceBundle.json().createObjectNode().put("outcome", last.outcome().label())
                .put("overridden", last.overridden()).put("by", last.by().label()).put("at", last.at().toString());
    }
}
