package dev.countdown.web;

import static dev.countdown.web.Html.esc;

import dev.countdown.chat.ChatCommands;
import dev.countdown.chat.ProbeRuns;
import dev.countdown.chat.ReleaseView;
import dev.countdown.chat.ReleaseViews;
import dev.countdown.manifest.Principals;
import dev.countdown.manifest.ReleaseManifest;
import dev.countdown.release.Actor;
import dev.countdown.release.Command;
import dev.countdown.release.CommandRequest;
import dev.countdown.release.IdentitySource;
import dev.countdown.release.ItemState;
import dev.countdown.release.LoadedRelease;
import dev.countdown.release.ManifestRegistry;
import dev.countdown.release.Origin;
import dev.countdown.release.ReleaseService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A page that behaves like a chat channel, for people without a Slack workspace yet: type
 * {@code /release start v1.0.0} and click the same buttons, rendered from the same
 * {@link ReleaseView} and driving the same commands as Slack, acting as a user chosen on the page.
 */
@Controller("/playground")
@ExecuteOn(TaskExecutors.BLOCKING)
class PlaygroundController {

    private final PlaygroundSettings settings;
    private final ManifestRegistry registry;
    private final ReleaseService releases;
    private final ChatCommands commands;
    private final ProbeRuns probes;

    PlaygroundController(PlaygroundSettings settings, ManifestRegistry registry, ReleaseService releases,
                         ChatCommands commands, ProbeRuns probes) {
        this.settings = settings;
        this.registry = registry;
        this.releases = releases;
        this.commands = commands;
        this.probes = probes;
    }

    @Serdeable
    record Typed(String channel, String user, String text) {
    }

    @Serdeable
    record Click(String channel, String user, String release, String verb, String target, @Nullable String value,
                 @Nullable String note) {
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> page(@Nullable @QueryValue String channel, @Nullable @QueryValue String user,
                              @Nullable @QueryValue String said) {
        if (!settings.enabled()) {
            return HttpResponse.<String>notFound().contentType(MediaType.TEXT_HTML_TYPE).body(Html.page("Playground off",
                    "<main><h1>The playground is off</h1><p>It lets anyone act as any user a manifest names, so it is off "
                    + "in production configuration (any database but the embedded one). Set <code>COUNTDOWN_PLAYGROUND=on</code> "
                    + "to turn it on.</p></main>", false, ""));
        }
        Map<String, List<ReleaseManifest>> channels = channels();
        if (channels.isEmpty()) {
            return html(Html.page("Playground", "<main><h1>Playground</h1><p>No manifest in <code>manifests/</code> names a "
                    + "Slack channel yet; the playground plays in those channels.</p></main>", false, ""));
        }
        String ch = channel != null && channels.containsKey(channel) ? channel : channels.keySet().iterator().next();
        Map<String, String> users = users(channels.get(ch));
        String who = user != null && users.containsKey(user) ? user : users.keySet().stream().findFirst().orElse("U0PLAYER");
        StringBuilder body = new StringBuilder("<main class=\"playground\"><h1>Playground</h1>");
        body.append("<p class=\"notice\" role=\"note\">You act here as the user you pick, without signing in. The playground "
                + "is on because Countdown runs on its embedded database; it is off in production configuration.</p>");
        body.append("<form method=\"get\" action=\"/playground\" class=\"who\"><label>Channel <select name=\"channel\">");
        channels.forEach((id, ms) -> body.append("<option value=\"").append(esc(id)).append('"').append(id.equals(ch) ? " selected" : "")
                .append(">#").append(esc(id)).append(" (").append(esc(String.join(", ", ms.stream().map(ReleaseManifest::service).toList())))
                .append(")</option>"));
        body.append("</select></label> <label>Act as <select name=\"user\" id=\"user\">");
        users.forEach((id, label) -> body.append("<option value=\"").append(esc(id)).append('"').append(id.equals(who) ? " selected" : "")
                .append('>').append(esc(label)).append("</option>"));
        body.append("</select></label> <button type=\"submit\" aria-label=\"Switch\">Switch</button></form>");
        Optional<LoadedRelease> current = commands.current(PlaygroundDelivery.PLATFORM, ch);
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
            body.append("<script>window.countdownRelease='").append(esc(current.get().release().id()))
                    .append("';</script><script src=\"/static/playground.js\"></script>");
        }
        return html(Html.page("Playground · Countdown", body.toString(), false, ""));
    }

    @Post(value = "/command", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> command(@Body Typed typed) {
        if (!settings.enabled()) {
            return HttpResponse.notFound();
        }
        String text = Optional.ofNullable(typed.text()).orElse("").strip();
        String said;
        if (!text.startsWith("/release")) {
            said = "Only /release commands work here. " + ChatCommands.HELP;
        } else {
            said = commands.handle(new ChatCommands.Invocation(PlaygroundDelivery.PLATFORM, typed.channel(),
                    text.substring("/release".length()), "playground:" + UUID.randomUUID(), m -> actor(typed.user()))).text();
        }
        return back(typed.channel(), typed.user(), said);
    }

    @Post(value = "/click", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> click(@Body Click click) {
        if (!settings.enabled()) {
            return HttpResponse.notFound();
        }
        if (click.verb().equals("probe")) {
            return back(click.channel(), click.user(), probes.start(click.release(), List.of(click.target()),
                    actor(click.user()), "playground:" + UUID.randomUUID(),
                    new Origin(PlaygroundDelivery.PLATFORM, click.channel())).text());
        }
        Command command = switch (click.verb()) {
            case "item" -> click.value() != null && click.value().equals("note")
                    ? new Command.AddNote(click.release(), click.target(), Optional.ofNullable(click.note()).orElse(""))
                    : new Command.SetItem(click.release(), click.target(), ItemState.parse(
                            Optional.ofNullable(click.value()).orElse("pass")), click.note());
            case "approve", "reject" -> new Command.CastVote(click.release(), click.target(), click.verb().equals("approve"),
                    click.note());
            default -> null;
        };
        if (command == null) {
            return back(click.channel(), click.user(), "That button is not known here.");
        }
        var result = releases.handle(new CommandRequest(command, actor(click.user()), "playground:" + UUID.randomUUID(),
                new Origin(PlaygroundDelivery.PLATFORM, click.channel())));
        ChatCommands.Answer answer = ChatCommands.answer(result);
        return back(click.channel(), click.user(), answer.refused() ? answer.text() : null);
    }

    private Map<String, List<ReleaseManifest>> channels() {
        Map<String, List<ReleaseManifest>> channels = new LinkedHashMap<>();
        for (ReleaseManifest m : registry.all()) {
            m.channels().slack().forEach(c -> channels.computeIfAbsent(c, k -> new java.util.ArrayList<>()).add(m));
        }
        return channels;
    }

    /** The Slack users the channel's manifests name, each with what they may do. */
    private static Map<String, String> users(List<ReleaseManifest> manifests) {
        Map<String, List<String>> parts = new LinkedHashMap<>();
        for (ReleaseManifest m : manifests) {
            add(parts, m.permissions().start(), "may start");
            add(parts, m.permissions().decide(), "may decide");
            m.roles().values().forEach(r -> add(parts, r.owners(), r.title()));
        }
        Map<String, String> users = new LinkedHashMap<>();
        parts.forEach((id, what) -> users.put(id, id + " — " + String.join(", ", what.stream().distinct().toList())));
        users.put("U0VISITOR", "U0VISITOR — named nowhere (to see a refusal)");
        return users;
    }

    private static void add(Map<String, List<String>> parts, Principals p, String what) {
        p.slackUsers().forEach(u -> parts.computeIfAbsent(u, k -> new java.util.ArrayList<>()).add(what));
    }

    private static Actor actor(String user) {
        return new Actor(IdentitySource.SLACK, user == null || user.isBlank() ? "U0VISITOR" : user, user, Set.of());
    }

    private static HttpResponse<?> back(String channel, String user, String said) {
        String query = "?channel=" + enc(channel) + "&user=" + enc(user) + (said == null ? "" : "&said=" + enc(said));
        return HttpResponse.seeOther(URI.create("/playground" + query));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }

    static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + esc(value) + "\">";
    }

    private static HttpResponse<String> html(String page) {
        return HttpResponse.ok(page).contentType(MediaType.TEXT_HTML_TYPE);
    }
}
