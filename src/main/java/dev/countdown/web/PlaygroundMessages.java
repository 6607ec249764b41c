package dev.countdown.web;

import static dev.countdown.web.Html.esc;
import static dev.countdown.web.PlaygroundPage.hidden;

import dev.countdown.chat.MessageLimits;
import dev.countdown.chat.ReleaseView;
import dev.countdown.chat.ThreadLayout;

/**
 * A release as the playground's channel shows it: the messages of its {@link ThreadLayout}, as
 * HTML forms. The page is drawn from the release's state each time, so there is nothing to post
 * or edit; a page scrolls, so no section is split; its decisions are shown together at the end.
 */
final class PlaygroundMessages {

    private PlaygroundMessages() {
    }

    static String render(ReleaseView v, String channel, String user) {
        StringBuilder html = new StringBuilder();
        for (ThreadLayout.Part part : ThreadLayout.of(v, MessageLimits.NONE)) {
            switch (part) {
                case ThreadLayout.Root r -> root(html, v);
                case ThreadLayout.SectionPart s -> section(html, v, s.section(), channel, user);
                case ThreadLayout.Probes p -> probes(html, v, channel, user);
                case ThreadLayout.Approvals a -> approvals(html, v, channel, user);
                // decisions are shown together under the messages; alerts and evidence are the chats' own
                case ThreadLayout.Decision d -> { }
                case ThreadLayout.Alert a -> { }
                case ThreadLayout.Evidence e -> { }
            }
        }
        html.append(ReleasePage.decisions(v));
        return html.toString();
    }

    private static void root(StringBuilder html, ReleaseView v) {
        html.append("<article class=\"message root\" aria-label=\"Release\"><h2>Release ")
                .append(esc(v.service())).append(' ').append(esc(v.version())).append("</h2><p><span class=\"state state-")
                .append(esc(v.state())).append("\">").append(esc(v.state().toUpperCase())).append("</span> ")
                .append(v.open() ? "Now: " + esc(v.phase()) : "").append("</p><p class=\"muted\">Items ")
                .append(v.counters().settled()).append('/').append(v.counters().items()).append(" passed · approvals ")
                .append(v.counters().rolesApproved()).append('/').append(v.counters().rolesRequired()).append("</p></article>");
    }

    private static void section(StringBuilder html, ReleaseView v, ReleaseView.SectionView s, String channel, String user) {
        html.append("<article class=\"message\"><h3>").append(esc(s.title())).append("</h3><ul class=\"items\">");
        for (ReleaseView.ItemView i : s.items()) {
            html.append("<li class=\"item item-").append(i.state().name().toLowerCase()).append("\"><span class=\"badge\">")
                    .append(esc(i.state().label())).append("</span> <span class=\"text\">").append(esc(i.text())).append("</span>");
            i.setBy().ifPresent(w -> html.append(" <span class=\"muted\">").append(esc(w)).append("</span>"));
            html.append(ReleasePage.notes(i));
            if (v.open() && !s.locked()) {
                html.append("<form method=\"post\" action=\"/playground/click\" class=\"inline\">")
                        .append(hidden("channel", channel)).append(hidden("user", user))
                        .append(hidden("release", v.releaseId())).append(hidden("verb", "item")).append(hidden("target", i.id()))
                        .append("<label class=\"visually-hidden\" for=\"note-").append(esc(i.id())).append("\">Note for ")
                        .append(esc(i.text())).append("</label><input id=\"note-").append(esc(i.id()))
                        .append("\" name=\"note\" placeholder=\"note or failure reason\"> ");
                for (String[] b : new String[][] {{"pass", "Pass"}, {"fail", "Fail"}, {"n/a", "N/A"}, {"blocked", "Blocked"}}) {
                    html.append("<button type=\"submit\" name=\"value\" value=\"").append(b[0]).append("\" aria-label=\"")
                            .append(b[1]).append(": ").append(esc(i.text())).append("\">").append(b[1]).append("</button> ");
                }
                html.append("</form>");
            }
            html.append("</li>");
        }
        html.append("</ul>");
        s.gate().ifPresent(g -> html.append(ReleasePage.gate(s, g, "<code>/release decide</code> polls it")));
        html.append("</article>");
    }

    private static void probes(StringBuilder html, ReleaseView v, String channel, String user) {
        html.append("<article class=\"message\"><h3>Probes</h3><ul class=\"probes\">");
        for (ReleaseView.ProbeView p : v.probes()) {
            html.append("<li><strong>").append(esc(p.name())).append("</strong> <span class=\"muted\">")
                    .append(esc(p.type())).append("</span> — ").append(esc(p.outcome().orElse("not run yet")))
                    .append(p.summary().isBlank() ? "" : ": " + esc(p.summary())).append(p.stale() ? " (stale)" : "")
                    .append(" <form method=\"post\" action=\"/playground/click\" class=\"inline\">")
                    .append(hidden("channel", channel)).append(hidden("user", user)).append(hidden("release", v.releaseId()))
                    .append(hidden("verb", "probe")).append(hidden("target", p.name()))
                    .append("<button type=\"submit\" aria-label=\"Run probe ").append(esc(p.name()))
                    .append("\">Run</button></form></li>");
        }
        html.append("</ul></article>");
    }

    private static void approvals(StringBuilder html, ReleaseView v, String channel, String user) {
        html.append("<article class=\"message\"><h3>Approvals</h3><ul class=\"roles\">");
        for (ReleaseView.RoleView r : v.roles()) {
            html.append("<li><strong>").append(esc(r.title())).append("</strong> — ").append(r.approvedBy().size())
                    .append(" of ").append(r.needed());
            if (!r.approvedBy().isEmpty()) {
                html.append(" · approved by ").append(esc(String.join(", ", r.approvedBy())));
            }
            if (!r.rejectedBy().isEmpty()) {
                html.append(" · rejected by ").append(esc(String.join(", ", r.rejectedBy())));
            }
            if (v.open()) {
                for (String verb : new String[] {"approve", "reject"}) {
                    html.append(" <form method=\"post\" action=\"/playground/click\" class=\"inline\">").append(hidden("channel", channel))
                            .append(hidden("user", user)).append(hidden("release", v.releaseId())).append(hidden("verb", verb))
                            .append(hidden("target", r.id())).append("<button type=\"submit\" aria-label=\"")
                            .append(verb.equals("approve") ? "Approve " : "Reject ").append(esc(r.title())).append("\">")
                            .append(verb.equals("approve") ? "Approve" : "Reject").append("</button></form>");
                }
            }
            html.append("</li>");
        }
        html.append("</ul></article>");
    }
}
