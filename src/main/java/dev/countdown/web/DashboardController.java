package dev.countdown.web;

import dev.countdown.chat.ReleaseView;
import dev.countdown.chat.ReleaseViews;
import dev.countdown.evidence.HashChain;
import dev.countdown.release.LoadedRelease;
import dev.countdown.release.ManifestRegistry;
import dev.countdown.release.ReleaseEvidence;
import dev.countdown.release.ReleaseService;
import io.micronaut.core.annotation.Nullable;
import dev.countdown.evidence.AuditEvent;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
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
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** The dashboard: the list of releases, one release live, its printable evidence. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class DashboardController {

    private final ReleaseService releases;
    private final Clock clock;
    private final PlaygroundSettings playground;
    private final ManifestRegistry manifests;
    private final ReleaseListing listing;
    private final Pages pages;
    private final ReleasePages releasePages;

    DashboardController(ReleaseService releases, Clock clock, PlaygroundSettings playground, ManifestRegistry manifests,
                        ReleaseListing listing, Pages pages, ReleasePages releasePages) {
        this.listing = listing;
        this.pages = pages;
        this.releasePages = releasePages;
        this.releases = releases;
        this.clock = clock;
        this.playground = playground;
        this.manifests = manifests;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> index(@Nullable @QueryValue String service, @Nullable @QueryValue String state,
                               @Nullable @QueryValue String version, @Nullable @QueryValue String page) {
        String stateLabel = ReleaseList.STATES.contains(blank(state)) ? blank(state) : "";
        ReleaseListing.Filter filter = new ReleaseListing.Filter(blank(service).strip(),
                stateLabel.toUpperCase(Locale.ROOT).replace('-', '_'), blank(version).strip());
        // at most a million pages: past that the offset would overflow, and no list is that long
        int wanted = Math.min(Math.max(1, parse(page)), 1_000_000);
        ReleaseListing.Found found = listing.page(filter, (wanted - 1) * ReleaseList.PAGE_SIZE, ReleaseList.PAGE_SIZE);
        int count = (int) Math.max(1, (found.total() + ReleaseList.PAGE_SIZE - 1) / ReleaseList.PAGE_SIZE);
        if (wanted > count && found.total() > 0) {
            found = listing.page(filter, (count - 1) * ReleaseList.PAGE_SIZE, ReleaseList.PAGE_SIZE);
            wanted = count;
        }
        List<ReleaseList.Row> rows = found.ids().stream().map(releases::find).flatMap(Optional::stream).map(this::row).toList();
        return pages.ok("releases", "list", new ReleaseList(rows, filter.service(), stateLabel, filter.version(), wanted,
                count, found.total(), manifests.problems(), playground.enabled()));
    }

    private ReleaseList.Row row(LoadedRelease loaded) {
        ReleaseView v = ReleaseViews.of(releasePages.named(loaded));
        return new ReleaseList.Row(v.releaseId(), v.service(), v.version(), v.state(),
                Progress.of(v.sections().stream().flatMap(s -> s.items().stream()).toList()),
                v.counters().rolesApproved(), v.counters().rolesRequired(), loaded.release().startedAt());
    }

    @Get(value = "/releases/{id}", produces = MediaType.TEXT_HTML)
    HttpResponse<String> release(@PathVariable String id) {
        Optional<LoadedRelease> loaded = releases.find(id);
        if (loaded.isEmpty()) {
            return pages.status(HttpStatus.NOT_FOUND, "not-found", "id", id);
        }
        return pages.ok("release/page", "page", releasePages.of(loaded.get(), releases.events(id)));
    }

    @Get(value = "/releases/{id}/live", produces = MediaType.TEXT_HTML)
    HttpResponse<String> live(@PathVariable String id) {
        return releases.find(id).map(l -> pages.ok("release/live", "page", releasePages.of(l, releases.events(id))))
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
        List<AuditEvent> events = releases.events(id);
        var bundle = releases.evidence(loaded.get(), clock.instant(), releasePages.names());
        EvidencePage page = new EvidencePage(releasePages.of(loaded.get(), events), bundle.path("audit").path("head").asText(),
                releasePages.namedEvents(events), bundle.path("generatedAt").asText(), HashChain.ALGORITHM, PrintCss.CSS);
        return pages.ok("evidence", "evidence", page).header(SecurityHeadersFilter.CSP, PrintCss.POLICY);
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }

    private static int parse(String page) {
        try {
            return page == null ? 1 : Integer.parseInt(page.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
