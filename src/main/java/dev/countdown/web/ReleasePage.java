package dev.countdown.web;

import static dev.countdown.web.Html.esc;

import dev.countdown.chat.ReleaseView;
import dev.countdown.evidence.AuditEvent;
import java.util.List;

/** The release page's live part: sections, approvals, decisions, timeline. Re-rendered whenever the release moves. */
final class ReleasePage {

    private ReleasePage() {
    }

    static String live(ReleaseView v, List<AuditEvent> events) {
        StringBuilder html = new StringBuilder();
        html.append("<section class=\"summary\" aria-label=\"Summary\"><p class=\"state state-").append(esc(v.state()))
                .append("\" id=\"state\">").append(esc(v.state().toUpperCase())).append("</p><p>")
                .append(v.open() ? "Now: " + esc(v.phase()) + " · " : "").append("round ").append(v.round())
                .append("</p><p id=\"counters\">Items ").append(v.counters().settled()).append('/').append(v.counters().items())
                .append(" passed · ").append(v.counters().failed()).append(" failed · approvals ")
                .append(v.counters().rolesApproved()).append('/').append(v.counters().rolesRequired()).append("</p></section>");
        if (!v.alerts().isEmpty()) {
            html.append("<section class=\"alerts\" aria-label=\"Alerts\"><h2>Alerts</h2><ul>");
            v.alerts().forEach(a -> html.append("<li role=\"alert\"><strong>Abort criterion fired: ").append(esc(a.probe()))
                    .append("</strong> — ").append(esc(a.summary())).append(" <span class=\"muted\">at ").append(a.at())
                    .append("</span>. Rollback recommended.</li>"));
            html.append("</ul></section>");
        }
        html.append(decisions(v));
        html.append("<section aria-label=\"Checklist\"><h2>Checklist</h2>");
        for (ReleaseView.SectionView s : v.sections()) {
            html.append("<h3 class=\"level-").append(s.level()).append("\">").append(esc(s.title()))
                    .append(s.locked() ? " <span class=\"muted\">(unlocks after the gate before it)</span>" : "").append("</h3>");
            if (!s.items().isEmpty()) {
                html.append("<ul class=\"items\">");
                for (ReleaseView.ItemView i : s.items()) {
                    html.append("<li class=\"item item-").append(i.state().name().toLowerCase()).append("\" data-item=\"")
                            .append(esc(i.id())).append("\"><span class=\"badge\">").append(esc(i.state().label()))
                            .append("</span> ").append(esc(i.text()));
                    i.setBy().ifPresent(setBy -> html.append(" <span class=\"muted\">").append(esc(setBy))
                            .append(i.at().map(at -> " at " + at).orElse("")).append("</span>"));
                    html.append(notes(i));
                    html.append("</li>");
                }
                html.append("</ul>");
            }
            s.gate().ifPresent(g -> html.append(gate(s, g, "not decided yet")));
        }
        html.append("</section><section aria-label=\"Probes\"><h2>Probes</h2>");
        if (v.probes().isEmpty()) {
            html.append("<p class=\"muted\">This release's manifest defines no probe.</p>");
        } else {
            html.append("<table><thead><tr><th scope=\"col\">Probe</th><th scope=\"col\">Result</th>"
                    + "<th scope=\"col\">Summary</th><th scope=\"col\">When</th></tr></thead><tbody>");
            for (ReleaseView.ProbeView p : v.probes()) {
                html.append("<tr class=\"probe\" data-probe=\"").append(esc(p.name())).append("\"><td>").append(esc(p.name()))
                        .append(" <span class=\"muted\">").append(esc(p.type())).append("</span></td><td>")
                        .append(esc(p.outcome().orElse("not run"))).append(p.stale() ? " <span class=\"muted\">(stale)</span>" : "")
                        .append("</td><td>").append(esc(p.summary())).append("</td><td>")
                        .append(p.at().map(at -> esc(at.toString()) + p.by().map(b -> " by " + esc(b)).orElse("")).orElse(""))
                        .append("</td></tr>");
            }
            html.append("</tbody></table>");
        }
        html.append("</section>");
        html.append("<section aria-label=\"Approvals\"><h2>Approvals</h2><table><thead><tr><th scope=\"col\">Role</th>"
                + "<th scope=\"col\">Needed</th><th scope=\"col\">Approved by</th><th scope=\"col\">Rejected by</th></tr></thead><tbody>");
        for (ReleaseView.RoleView r : v.roles()) {
            html.append("<tr><td>").append(esc(r.title())).append(r.required() ? "" : " <span class=\"muted\">(optional)</span>")
                    .append("</td><td>").append(r.needed()).append("</td><td>").append(esc(String.join(", ", r.approvedBy())))
                    .append("</td><td>").append(esc(String.join(", ", r.rejectedBy()))).append("</td></tr>");
        }
        html.append("</tbody></table></section>");
        html.append("<section aria-label=\"Timeline\"><h2>Timeline</h2><ol class=\"timeline\">");
        for (AuditEvent e : events) {
            html.append("<li><time>").append(esc(e.at().toString())).append("</time> ").append(esc(e.actorName()))
                    .append(" · <code>").append(esc(e.type())).append("</code> ").append(esc(e.subject()))
                    .append(e.before().isEmpty() && e.after().isEmpty() ? "" : " " + esc(e.before()) + " → " + esc(e.after()))
                    .append(e.note().isEmpty() ? "" : " <span class=\"muted\">" + esc(e.note()) + "</span>").append("</li>");
        }
        html.append("</ol></section>");
        return html.toString();
    }

    /** Every note on an item, each with its author and time. */
    static String notes(ReleaseView.ItemView i) {
        StringBuilder html = new StringBuilder();
        for (ReleaseView.NoteView n : i.notes()) {
            html.append("<div class=\"note\"><span class=\"muted\">").append(esc(n.kind())).append(" by ")
                    .append(esc(n.by())).append(" at ").append(n.at()).append(":</span> ").append(esc(n.text()))
                    .append("</div>");
        }
        return html.toString();
    }

    /** A section's gate, and its decision once polled; {@code undecided} says what to do until then. */
    static String gate(ReleaseView.SectionView s, String gate, String undecided) {
        return "<p class=\"gate\">Gate: " + esc(gate) + " — " + s.decided().map(d -> esc(d.saidBy()) + " at " + d.at())
                .orElse(undecided) + "</p>";
    }

    static String decisions(ReleaseView v) {
        StringBuilder html = new StringBuilder("<section aria-label=\"Decisions\"><h2>Decisions</h2>");
        if (v.decisions().isEmpty()) {
            html.append("<p class=\"muted\">None yet.</p>");
        }
        for (ReleaseView.DecisionView d : v.decisions()) {
            html.append("<article class=\"decision decision-").append(d.outcome().name().toLowerCase()).append("\"><h3>")
                    .append(esc(d.isFinal() ? "Release decision" : d.label())).append(": ").append(d.outcome().label())
                    .append(d.overridden() ? " (override)" : "").append("</h3><p class=\"muted\">decided by ").append(esc(d.by()))
                    .append(" at ").append(d.at()).append(", round ").append(d.round()).append("</p>");
            if (!d.reasons().isEmpty()) {
                html.append("<ul>");
                d.reasons().forEach(r -> html.append("<li>").append(esc(r)).append("</li>"));
                html.append("</ul>");
            }
            html.append("</article>");
        }
        return html.append("</section>").toString();
    }
}
