package dev.countdown.web;

import static dev.countdown.web.Html.esc;

import dev.countdown.chat.ReleaseViews;
import dev.countdown.manifest.Principals;
import dev.countdown.manifest.ReleaseManifest;
import dev.countdown.release.LoadedRelease;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The playground's pages: the channel with its composer, and the page that says why it is off. */
final class PlaygroundPage {

    static final String VISITOR = "U0VISITOR";

    private PlaygroundPage() {
    }

    static String off(PlaygroundSettings settings) {
        StringBuilder why = new StringBuilder("<ul>");
        settings.whyOff().forEach(w -> why.append("<li>").append(esc(w)).append("</li>"));
        return Html.page("Playground off", "<main><h1>The playground is off</h1><p>The playground lets anyone who "
                + "can reach this port act, as any user a manifest names, without signing in. With "
                + "<code>COUNTDOWN_PLAYGROUND=auto</code> (the default) it is on only when it is Countdown's only "
                + "surface: the embedded database, and no Slack, Discord or API token. It is off here because:</p>"
                + why + "</ul><p>Set <code>COUNTDOWN_PLAYGROUND=on</code> to turn it on anyway. It then acts only on "
                + "releases started in the playground, never on those started from Slack, Discord or the API.</p></main>",
                false, "");
    }

    static String noChannel() {
        return Html.page("Playground", "<main><h1>Playground</h1><p>No manifest in <code>manifests/</code> names a "
                + "Slack channel yet; the playground plays in those channels.</p></main>", false, "");
    }

    /** The channel {@code ch} as {@code who} sees it, with {@code said} shown only to them. */
    static String channel(PlaygroundSettings settings, Map<String, List<ReleaseManifest>> channels, String ch,
                          Map<String, String> users, String who, Optional<LoadedRelease> current, String said) {
        StringBuilder body = new StringBuilder("<main class=\"playground\"");
        current.ifPresent(r -> body.append(" data-playground-release=\"").append(esc(r.release().id())).append('"'));
        body.append("><h1>Playground</h1><p class=\"notice\" role=\"note\">You act here as the user you pick, without "
                + "signing in, in releases started here; the playground acts on no other release. ")
                .append(esc(settings.whyOn())).append("</p>");
        body.append("<form method=\"get\" action=\"/playground\" class=\"who\"><label>Channel <select name=\"channel\">");
        channels.forEach((id, ms) -> body.append("<option value=\"").append(esc(id)).append('"')
                .append(id.equals(ch) ? " selected" : "").append(">#").append(esc(id)).append(" (")
                .append(esc(String.join(", ", ms.stream().map(ReleaseManifest::service).toList()))).append(")</option>"));
        body.append("</select></label> <label>Act as <select name=\"user\" id=\"user\">");
        users.forEach((id, label) -> body.append("<option value=\"").append(esc(id)).append('"')
                .append(id.equals(who) ? " selected" : "").append('>').append(esc(label)).append("</option>"));
        body.append("</select></label> <button type=\"submit\" aria-label=\"Switch\">Switch</button></form>");
        body.append("<section class=\"channel\" aria-label=\"Channel messages\">");
        current.ifPresent(r -> body.append(PlaygroundMessages.render(ReleaseViews.of(r), ch, who)));
        if (said != null && !said.isBlank()) {
            body.append("<div class=\"ephemeral\" role=\"status\"><span class=\"muted\">Only visible to you</span><pre>")
                    .append(esc(said)).append("</pre></div>");
        }
        body.append("</section><form method=\"post\" action=\"/playground/command\" class=\"composer\">")
                .append(hidden("channel", ch)).append(hidden("user", who))
                .append("<label for=\"text\" class=\"visually-hidden\">Message</label><input id=\"text\" name=\"text\" "
                        + "autocomplete=\"off\" placeholder=\"/release start v1.0.0\" required> <button type=\"submit\">Send</button></form>");
        current.ifPresent(r -> body.append("<p><a href=\"/releases/").append(esc(r.release().id()))
                .append("\">Open this release's page</a></p>"));
        body.append("</main>");
        if (current.isPresent()) {
            body.append("<script src=\"/static/playground.js\"></script>");
        }
        return Html.page("Playground · Countdown", body.toString(), false, "");
    }

    /** A small page for input the playground cannot use. */
    static String badRequest(String message) {
        return Html.page("Bad request · Countdown", "<main><h1>Bad request</h1><p>" + esc(message)
                + "</p><p><a href=\"/playground\">Back to the playground</a></p></main>", false, "");
    }

    /** Each Slack channel a manifest names, with the manifests naming it. */
    static Map<String, List<ReleaseManifest>> channels(List<ReleaseManifest> manifests) {
        Map<String, List<ReleaseManifest>> channels = new LinkedHashMap<>();
        for (ReleaseManifest m : manifests) {
            m.channels().slack().forEach(c -> channels.computeIfAbsent(c, k -> new ArrayList<>()).add(m));
        }
        return channels;
    }

    /** The Slack users the channel's manifests name, each with what they may do. */
    static Map<String, String> users(List<ReleaseManifest> manifests) {
        Map<String, List<String>> parts = new LinkedHashMap<>();
        for (ReleaseManifest m : manifests) {
            add(parts, m.permissions().start(), "may start");
            add(parts, m.permissions().decide(), "may decide");
            m.roles().values().forEach(r -> add(parts, r.owners(), r.title()));
        }
        Map<String, String> users = new LinkedHashMap<>();
        parts.forEach((id, what) -> users.put(id, id + " — " + String.join(", ", what.stream().distinct().toList())));
        users.put(VISITOR, VISITOR + " — named nowhere (to see a refusal)");
        return users;
    }

    private static void add(Map<String, List<String>> parts, Principals p, String what) {
        p.slackUsers().forEach(u -> parts.computeIfAbsent(u, k -> new ArrayList<>()).add(what));
    }

    static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + esc(value) + "\">";
    }
}
