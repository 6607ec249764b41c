package dev.countdown.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.countdown.evidence.AuditEvent;
import dev.countdown.evidence.EvidenceBundle;
import dev.countdown.evidence.EvidenceMarkdown;
import dev.countdown.release.Actor;
import dev.countdown.release.Command;
import dev.countdown.release.CommandRequest;
import dev.countdown.release.CommandResult;
import dev.countdown.release.ItemState;
import dev.countdown.release.DisplayNames;
import dev.countdown.release.Limits;
import dev.countdown.release.LoadedRelease;
import dev.countdown.release.ReleaseEvidence;
import dev.countdown.metrics.CountdownMetrics;
import dev.countdown.probe.ProbeService;
import dev.countdown.release.ReleaseService;
import dev.countdown.web.ApiRequests.ActorJson;
import dev.countdown.web.ApiRequests.BadRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The REST API for scripts and CI pipelines. Writes need the API's bearer token (see
 * {@link ApiTokenFilter}) and name the user they act for; an {@code Idempotency-Key} header makes
 * a retried call harmless.
 */
@Controller("/api/releases")
@ExecuteOn(TaskExecutors.BLOCKING)
class ReleaseController {

    private static final String KEY_PREFIX = "api:";

    private final DisplayNames names;
    private final ReleaseService releases;
    private final ProbeService probes;
    private final Clock clock;
    private final CountdownMetrics metrics;

    ReleaseController(ReleaseService releases, ProbeService probes, Clock clock, CountdownMetrics metrics,
                      DisplayNames names) {
        this.releases = releases;
        this.names = names;
        this.probes = probes;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Runs the named probes, or all; answers when they are done, with each result. The same
     * {@code Idempotency-Key} again runs nothing: it answers what the first call answered
     * ({@code repeated}), or 409 while that call is still running its probes.
     */
    @Post("/{id}/probes")
    HttpResponse<?> runProbes(@PathVariable String id, @Body ApiRequests.ProbeRequest body,
                              @Nullable @Header("Idempotency-Key") String key) {
        Actor actor = ApiRequests.required(body.actor(), "actor").toActor();
        ProbeService.Run run = probes.run(id, body.probes() == null ? List.of() : body.probes(), actor,
                idempotencyKey(key), null);
        return switch (run.recorded()) {
            case CommandResult.Refused r -> HttpResponse.status(status(r.kind()))
                    .body(new ApiError(status(r.kind()).getCode(), r.message(), r.releaseId()));
            case CommandResult.Repeated r when run.running() -> HttpResponse.status(HttpStatus.CONFLICT)
                    .body(new ApiError(409, r.message(), id));
            case CommandResult.Repeated r -> HttpResponse.ok(new ProbesResponse("repeated", r.message(), List.of(),
                    json(id)));
            case CommandResult.Applied a -> HttpResponse.ok(new ProbesResponse("applied", a.message(),
                    run.results().stream().map(p -> new ProbeRunJson(p.name(), p.type(),
                            p.outcome().name().toLowerCase(Locale.ROOT), p.summary(), p.attempts())).toList(), json(id)));
        };
    }

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)

    @io.micronaut.serde.annotation.Serdeable
    record ProbeRunJson(String name, String type, String outcome, String summary, int attempts) {
    }

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)

    @io.micronaut.serde.annotation.Serdeable
    record ProbesResponse(String outcome, String message, List<ProbeRunJson> results, @Nullable ReleaseJson release) {
    }

    @Get
    List<ReleaseJson> list(@QueryValue Optional<String> service, @QueryValue Optional<String> state) {
        return releases.list(service).stream().map(l -> ReleaseJson.of(l.named(names), clock.instant()))
                .filter(r -> state.map(s -> s.equalsIgnoreCase(r.state())).orElse(true)).toList();
    }

    @Get("/{id}")
    ReleaseJson get(@PathVariable String id) {
        return ReleaseJson.of(load(id), clock.instant());
    }

    @Get("/{id}/timeline")
    List<AuditEvent> timeline(@PathVariable String id) {
        load(id);
        return releases.events(id);
    }

    @Get(value = "/{id}/evidence.json", produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> evidenceJson(@PathVariable String id) {
        return attachment(EvidenceBundle.write(bundle(id)), id + "-evidence.json", MediaType.APPLICATION_JSON_TYPE);
    }

    @Get(value = "/{id}/evidence.md", produces = "text/markdown")
    HttpResponse<String> evidenceMarkdown(@PathVariable String id) {
        return attachment(EvidenceMarkdown.render(bundle(id)), id + "-evidence.md", new MediaType("text/markdown"));
    }

    @Post
    HttpResponse<?> start(@Body ApiRequests.StartRequest body, @Nullable @Header("Idempotency-Key") String key) {
        Command start = new Command.Start(ApiRequests.required(body.service(), "service"),
                ApiRequests.required(body.version(), "version"));
        return respond(start, body.actor(), key, HttpStatus.CREATED);
    }

    @Post("/{id}/items/{itemId}")
    HttpResponse<?> setItem(@PathVariable String id, @PathVariable String itemId, @Body ApiRequests.ItemRequest body,
                            @Nullable @Header("Idempotency-Key") String key) {
        ItemState state = parse(ApiRequests.required(body.state(), "state"));
        return respond(new Command.SetItem(id, itemId, state, body.note()), body.actor(), key, HttpStatus.OK);
    }

    @Post("/{id}/items/{itemId}/notes")
    HttpResponse<?> addNote(@PathVariable String id, @PathVariable String itemId, @Body ApiRequests.NoteRequest body,
                            @Nullable @Header("Idempotency-Key") String key) {
        return respond(new Command.AddNote(id, itemId, ApiRequests.required(body.note(), "note")), body.actor(), key,
                HttpStatus.OK);
    }

    @Post("/{id}/approvals/{roleId}")
    HttpResponse<?> vote(@PathVariable String id, @PathVariable String roleId, @Body ApiRequests.VoteRequest body,
                         @Nullable @Header("Idempotency-Key") String key) {
        String vote = ApiRequests.required(body.vote(), "vote").toLowerCase(Locale.ROOT);
        if (!vote.equals("approve") && !vote.equals("reject")) {
            throw new BadRequest("vote must be approve or reject, not '" + Limits.shown(body.vote()) + "'");
        }
        return respond(new Command.CastVote(id, roleId, vote.equals("approve"), body.note()), body.actor(), key,
                HttpStatus.OK);
    }

    @Post("/{id}/decision")
    HttpResponse<?> decide(@PathVariable String id, @Body ApiRequests.DecideRequest body,
                           @Nullable @Header("Idempotency-Key") String key) {
        return respond(new Command.Decide(id, Boolean.TRUE.equals(body.override()), body.note()), body.actor(), key,
                HttpStatus.OK);
    }

    @Post("/{id}/cancel")
    HttpResponse<?> cancel(@PathVariable String id, @Body ApiRequests.ReasonRequest body,
                           @Nullable @Header("Idempotency-Key") String key) {
        return respond(new Command.Cancel(id, body.reason()), body.actor(), key, HttpStatus.OK);
    }

    @Post("/{id}/reopen")
    HttpResponse<?> reopen(@PathVariable String id, @Body ApiRequests.ReasonRequest body,
                           @Nullable @Header("Idempotency-Key") String key) {
        return respond(new Command.Reopen(id, body.reason()), body.actor(), key, HttpStatus.OK);
    }

    @Error(exception = BadRequest.class)
    HttpResponse<ApiError> badRequest(BadRequest e) {
        return HttpResponse.badRequest(new ApiError(400, e.getMessage(), null));
    }

    @Error(exception = NotFound.class)
    HttpResponse<ApiError> notFound(NotFound e) {
        return HttpResponse.notFound(new ApiError(404, e.getMessage(), null));
    }

    private HttpResponse<?> respond(Command command, ActorJson actorJson, String key, HttpStatus success) {
        Actor actor = ApiRequests.required(actorJson, "actor").toActor();
        String idempotencyKey = idempotencyKey(key);
        CommandResult result = metrics.ack("api", () -> releases.handle(new CommandRequest(command, actor, idempotencyKey)));
        return switch (result) {
            case CommandResult.Applied a -> HttpResponse.status(success)
                    .body(new CommandResponse("applied", a.message(), json(a.release().id())));
            case CommandResult.Repeated r -> HttpResponse.ok(new CommandResponse("repeated", r.message(),
                    r.release() == null ? null : json(r.release().id())));
            case CommandResult.Refused r -> HttpResponse.status(status(r.kind()))
                    .body(new ApiError(status(r.kind()).getCode(), r.message(), r.releaseId()));
        };
    }

    /** The key a call's header names, in the API's own namespace; a call without one is never a repeat. */
    private static String idempotencyKey(String header) {
        if (header == null || header.isBlank()) {
            return KEY_PREFIX + UUID.randomUUID();
        }
        Limits.tooLong("Idempotency-Key", header, Limits.IDEMPOTENCY_KEY - KEY_PREFIX.length()).ifPresent(problem -> {
            throw new BadRequest(problem);
        });
        return KEY_PREFIX + header;
    }

    private ReleaseJson json(String id) {
        return releases.find(id).map(l -> ReleaseJson.of(l.named(names), clock.instant())).orElse(null);
    }

    private LoadedRelease load(String id) {
        return releases.find(id).map(l -> l.named(names))
                .orElseThrow(() -> new NotFound("No release '" + Limits.shown(id) + "'."));
    }

    private ObjectNode bundle(String id) {
        return releases.evidence(load(id), clock.instant(), names);
    }

    private static HttpResponse<String> attachment(String body, String filename, MediaType type) {
        return HttpResponse.ok(body).contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"");
    }

    private static HttpStatus status(CommandResult.Refusal kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
    }

    private static ItemState parse(String state) {
        try {
            return ItemState.parse(state);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("unknown item state '" + Limits.shown(state) + "'; expected pending, pass, fail, n/a "
                    + "or blocked");
        }
    }

    /** A release that does not exist; answered 404. */
    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }
}
