package dev.countdown.web;

import static dev.countdown.web.Html.esc;

import dev.countdown.chat.ReleaseView;
import dev.countdown.chat.ReleaseViews;
import dev.countdown.evidence.HashChain;
import dev.countdown.release.DisplayNames;
import dev.countdown.release.LoadedRelease;
import dev.countdown.release.ManifestRegistry;
import dev.countdown.release.ReleaseEvidence;
import dev.countdown.release.ReleaseService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** The dashboard: the list of releases, one release live, its printable evidence. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class DashboardController {

    private final DisplayNames names;
    private final ReleaseService releases;
    private final Clock clock;
    private final PlaygroundSettings playground;
    private final ManifestRegistry manifests;

    DashboardController(ReleaseService releases, Clock clock, PlaygroundSettings playground, ManifestRegistry manifests,
                        DisplayNames names) {
        this.releases = releases;
        this.names = names;
        this.clock = clock;
        this.playground = playground;
        this.manifests = manifests;
    }

    @Get(produces = MediaType.TEXT_HTML)
    String index(@Nullable @QueryValue String service, @Nullable @QueryValue String state) {
        List<LoadedRelease> shown = releases.list(Optional.ofNullable(blankToNull(service))).stream()
                .filter(r -> state == null || state.isBlank() || r.release().state().label().equals(state)).toList();
        StringBuilder body = new StringBuilder("<main><h1>Releases</h1>").append(manifestProblems());
        body.append("<form class=\"filters\" method=\"get\" action=\"/\"><label>Service <input name=\"service\" value=\"")
                .append(esc(service)).append("\"></label> <label>State <select name=\"state\"><option value=\"\">any</option>");
        for (String s : List.of("open", "go", "no-go", "cancelled")) {
            body.append("<option").append(s.equals(state) ? " selected" : "").append('>').append(s).append("</option>");
        }
        body.append("</select></label> <button type=\"submit\">Filter</button></form>");
        if (shown.isEmpty()) {
            boolean filtered = blankToNull(service) != null || blankToNull(state) != null;
            body.append(filtered ? "<p>No release matches.</p>" : welcome());
        } else {
            body.append("<table class=\"releases\"><thead><tr><th scope=\"col\">Service</th><th scope=\"col\">Version</th>"
                    + "<th scope=\"col\">State</th><th scope=\"col\">Items passed</th><th scope=\"col\">Approvals</th>"
                    + "<th scope=\"col\">Started</th></tr></thead><tbody>");
            Instant now = clock.instant();
            for (LoadedRelease loaded : shown) {
                ReleaseView v = ReleaseViews.of(loaded.named(names));
                body.append("<tr><td>").append(esc(v.service())).append("</td><td><a href=\"/releases/").append(esc(v.releaseId()))
                        .append("\">").append(esc(v.version())).append("</a></td><td><span class=\"state state-").append(esc(v.state()))
                        .append("\">").append(esc(v.state())).append("</span></td><td>").append(v.counters().settled()).append('/')
                        .append(v.counters().items()).append("</td><td>").append(v.counters().rolesApproved()).append('/')
                        .append(v.counters().rolesRequired()).append("</td><td>")
                        .append(age(Duration.between(loaded.release().startedAt(), now))).append(" ago</td></tr>");
            }
            body.append("</tbody></table>");
        }
        return Html.page("Countdown: releases", body.append("</main>").toString(), false, "");
    }

    @Get(value = "/releases/{id}", produces = MediaType.TEXT_HTML)
    HttpResponse<String> release(@PathVariable String id) {
        Optional<LoadedRelease> loaded = releases.find(id);
        if (loaded.isEmpty()) {
            return HttpResponse.<String>notFound().contentType(MediaType.TEXT_HTML_TYPE)
                    .body(Html.page("Not found", "<main><h1>No release '" + esc(id) + "'</h1><p><a href=\"/\">All releases</a></p></main>", false, ""));
        }
        ReleaseView v = ReleaseViews.of(loaded.get().named(names));
        String body = "<main data-release=\"" + esc(id) + "\"><h1>" + esc(v.service()) + " " + esc(v.version()) + "</h1>"
                + "<p class=\"downloads\">Evidence: <a href=\"/api/releases/" + esc(id) + "/evidence.md\">Markdown</a> · "
                + "<a href=\"/api/releases/" + esc(id) + "/evidence.json\">JSON</a> · <a href=\"/releases/" + esc(id)
                + "/evidence.html\">printable page</a></p><div id=\"live\" aria-live=\"polite\">"
                + ReleasePage.live(v, Timeline.named(releases.events(id), names)) + "</div></main><script src=\"/static/live.js\"></script>";
        return HttpResponse.ok(Html.page(v.service() + " " + v.version() + " · Countdown", body, false, ""))
                .contentType(MediaType.TEXT_HTML_TYPE);
    }

    @Get(value = "/releases/{id}/live", produces = MediaType.TEXT_HTML)
    HttpResponse<String> live(@PathVariable String id) {
        return releases.find(id).map(l -> HttpResponse.ok(ReleasePage.live(ReleaseViews.of(l.named(names)),
                        Timeline.named(releases.events(id), names))))
                .orElseGet(HttpResponse::notFound);
    }

    /** Tells an open page when the release moved; the page then fetches {@code /live}. */
    @Get(value = "/releases/{id}/events", produces = MediaType.TEXT_EVENT_STREAM)
    Publisher<Event<String>> events(@PathVariable String id) {
        Flux<Event<String>> changes = Flux.interval(Duration.ZERO, Duration.ofMillis(500), Schedulers.boundedElastic())
                .map(tick -> releases.revision(id).orElse(-1))
                .distinctUntilChanged()
                .map(revision -> Event.of(Integer.toString(revision)).name("changed"));
        // A comment now and then: a stream whose reader has gone is noticed and ended.
        Flux<Event<String>> heartbeat = Flux.interval(Duration.ofSeconds(15), Schedulers.boundedElastic())
                .map(tick -> Event.of("").comment("keep-alive"));
        return Flux.merge(changes, heartbeat).take(Duration.ofHours(1));
    }

    @Get(value = "/releases/{id}/evidence.html", produces = MediaType.TEXT_HTML)
    HttpResponse<String> printable(@PathVariable String id) {
        Optional<LoadedRelease> loaded = releases.find(id);
        if (loaded.isEmpty()) {
            return HttpResponse.notFound();
        }
        var bundle = ReleaseEvidence.bundle(loaded.get(), releases.events(id), clock.instant(), names);
        ReleaseView v = ReleaseViews.of(loaded.get().named(names));
        String head = bundle.path("audit").path("head").asText();
        String body = "<main><h1>Evidence: " + esc(v.service()) + " " + esc(v.version()) + "</h1>"
                + "<p>Release <code>" + esc(id) + "</code>, state <strong>" + esc(v.state().toUpperCase())
                + "</strong>, generated " + esc(bundle.path("generatedAt").asText()) + ".</p>"
                + "<section class=\"verify\" aria-label=\"How to verify\"><h2>Audit chain</h2><p>Head hash: <code id=\"chain-head\">"
                + esc(head) + "</code> (" + bundle.path("audit").path("events").size() + " events)</p><p>To verify, download "
                + "the JSON bundle and run <code>java -jar countdown.jar evidence verify bundle.json</code>. Each event's "
                + "hash is " + esc(HashChain.ALGORITHM) + "; the first event's previous hash is 64 zeros. The head above "
                + "must match the one posted with the decision.</p></section>"
                + ReleasePage.live(v, Timeline.named(releases.events(id), names)) + "</main>";
        return HttpResponse.ok(Html.page("Evidence " + v.service() + " " + v.version(), body, true, PrintCss.CSS))
                .contentType(MediaType.TEXT_HTML_TYPE).header(SecurityHeadersFilter.CSP, PrintCss.POLICY);
    }

    /** Manifests that cannot be used, so the person who broke one sees it before a release manager does. */
    private String manifestProblems() {
        List<String> problems = manifests.problems();
        if (problems.isEmpty()) {
            return "";
        }
        StringBuilder section = new StringBuilder("<section class=\"problems\" role=\"alert\"><h2>Manifests that cannot "
                + "be used</h2><p>Releases of these services cannot start until the files are fixed; "
                + "<code>manifest lint FILE</code> shows the same.</p><ul>");
        problems.forEach(p -> section.append("<li><code>").append(esc(p)).append("</code></li>"));
        return section.append("</ul></section>").toString();
    }

    private String welcome() {
        return "<section class=\"welcome\"><h2>No releases yet</h2><p>Countdown runs release GO/NO-GO ceremonies in "
                + "Slack and Discord: a checklist from <code>checklist-templates/</code>, owners and probes from "
                + "<code>manifests/</code>, approvals, and a GO or NO-GO with its evidence.</p><ol>"
                + (playground.enabled() ? "<li>Try it now in the <a href=\"/playground\">playground</a>: type "
                + "<code>/release start v1.0.0</code> and click through a ceremony.</li>" : "")
                + "<li>Check a checklist: <code>java -jar target/countdown.jar template lint checklist-templates/go-no-go.md</code></li>"
                + "<li>Write a manifest for your service (<code>docs/manifests.md</code>) and check it with "
                + "<code>manifest lint</code>.</li><li>Connect Slack (<code>docs/slack.md</code>) or drive releases from CI "
                + "through the REST API.</li></ol></section>";
    }

    private static String age(Duration d) {
        if (d.toDays() > 0) {
            return d.toDays() + "d";
        }
        if (d.toHours() > 0) {
            return d.toHours() + "h";
        }
        return Math.max(0, d.toMinutes()) + "m";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
