package dev.countdown.probe;

import dev.countdown.json.Json;
import dev.countdown.manifest.Principals;
import dev.countdown.manifest.ProbeSpec;
import dev.countdown.manifest.ReleaseManifest;
import dev.countdown.release.Actor;
import dev.countdown.release.Authorizer;
import dev.countdown.release.Command;
import dev.countdown.release.CommandRequest;
import dev.countdown.release.CommandResult;
import dev.countdown.release.Limits;
import dev.countdown.release.LoadedRelease;
import dev.countdown.release.Origin;
import dev.countdown.release.ReleaseService;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs a release's probes for a person and records what they found. The probes run outside any
 * transaction (they take seconds); only the recording is a command, so a slow target holds no
 * lock and a refused person starts no probe at all. The call's idempotency key is claimed before
 * any probe runs: probes may write to rate-limited targets, so a retried request or a replayed
 * Slack command runs nothing and answers what the first call answered.
 */
@Singleton
public class ProbeService {

    /**
     * The results of one run, and what recording them did. When the key was seen before, no
     * probe ran: {@code recorded} is {@link CommandResult.Repeated} with the earlier answer, and
     * {@code running} says that the earlier call has not answered yet.
     */
    public record Run(List<ProbeResult> results, CommandResult recorded, boolean running) {
        public Run(List<ProbeResult> results, CommandResult recorded) {
            this(results, recorded, false);
        }
    }

    static final String WHILE_RUNNING = "These probes are already running for this request; their results will "
            + "show on the release when they are done.";
    static final String ABANDONED = "The probe run for this request failed before its results were recorded; "
            + "a new request runs the probes again.";

    private final ReleaseService releases;
    private final ProbeRunner runner;
    private final MeterRegistry metrics;

    public ProbeService(ReleaseService releases, ProbeRunner runner, MeterRegistry metrics) {
        this.releases = releases;
        this.runner = runner;
        this.metrics = metrics;
    }

    /** What a run would do, checked before anything runs: the probes, or why not. */
    public sealed interface Plan {
        record Ready(String releaseId, String version, List<ProbeSpec> probes) implements Plan {
        }

        record Refused(CommandResult.Refused refusal) implements Plan {
        }
    }

    /**
     * Checks that {@code actor} may run the named probes (all of them when {@code names} is empty)
     * on the release. Only probes the manifest defines can run: a typed name only selects among them.
     */
    public Plan plan(String releaseId, List<String> names, Actor actor) {
        Optional<String> problem = Limits.tooLong("release id", releaseId, Limits.RELEASE_ID)
                .or(() -> Limits.problem(names));
        if (problem.isPresent()) {
            return refused(CommandResult.Refusal.INVALID, Limits.sentence(problem.get()), null);
        }
        Optional<LoadedRelease> loaded = releases.find(releaseId);
        if (loaded.isEmpty()) {
            return refused(CommandResult.Refusal.NOT_FOUND, "No release '" + releaseId + "'.", releaseId);
        }
        ReleaseManifest manifest = loaded.get().definition().manifest();
        Optional<String> venue = Authorizer.venueRefusal(actor, loaded.get().release().startedBy());
        if (venue.isPresent()) {
            return refused(CommandResult.Refusal.FORBIDDEN, venue.get(), releaseId);
        }
        Authorizer authorizer = new Authorizer(manifest, loaded.get().release().startedBy());
        // the system (the watch, a rollback's verification) runs only what the manifest defines
        if (actor.source() != dev.countdown.release.IdentitySource.SYSTEM && !authorizer.allows(authorizer.participants(),
                actor)) {
            return new Plan.Refused(new CommandResult.Refused(CommandResult.Refusal.FORBIDDEN,
                    "You may not run this release's probes.", authorizer.participants(), releaseId));
        }
        List<String> unknown = names.stream().filter(n -> manifest.probe(n).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            return refused(CommandResult.Refusal.NOT_FOUND, "No probe " + String.join(", ", unknown.stream().limit(5)
                    .map(Limits::shown).toList()) + (unknown.size() > 5 ? " (and " + (unknown.size() - 5) + " more)" : "")
                    + " in this "
                    + "release; its probes: " + (manifest.probes().isEmpty() ? "none" : String.join(", ",
                    manifest.probes().keySet())) + ".", releaseId);
        }
        List<ProbeSpec> specs = names.isEmpty() ? List.copyOf(manifest.probes().values())
                : names.stream().map(n -> manifest.probe(n).orElseThrow()).toList();
        if (specs.isEmpty()) {
            return refused(CommandResult.Refusal.NOT_FOUND, "This release's manifest defines no probe.", releaseId);
        }
        return new Plan.Ready(releaseId, loaded.get().release().version(), specs);
    }

    /**
     * Claims {@code idempotencyKey} for a plan: empty when this call is the first and may run the
     * probes; otherwise the earlier call's answer, and nothing runs.
     */
    public Optional<Run> claim(Plan.Ready plan, String idempotencyKey) {
        return releases.claim(idempotencyKey, plan.releaseId(), WHILE_RUNNING)
                .map(seen -> new Run(List.of(), seen.answer(), seen.running()));
    }

    /** Runs a plan whose key this call {@link #claim claimed}, and records the results; takes as long as the probes do. */
    public Run runClaimed(Plan.Ready plan, Actor actor, String idempotencyKey, Origin origin) {
        try {
            List<ProbeResult> results = runner.run(plan.probes(), Optional.of(plan.version()));
            results.forEach(r -> metrics.counter("countdown.probe.runs", "type", r.type(), "outcome",
                    r.outcome().name().toLowerCase(Locale.ROOT)).increment());
            List<Command.ProbeOutcome> outcomes = results.stream().map(ProbeService::outcome).toList();
            CommandResult recorded = releases.complete(new CommandRequest(new Command.RecordProbes(plan.releaseId(),
                    outcomes), actor, idempotencyKey, origin));
            return new Run(results, recorded);
        } catch (RuntimeException e) {
            try {
                releases.abandon(idempotencyKey, ABANDONED);
            } catch (RuntimeException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
    }

    /** Claims the key and runs what a plan holds, unless the key was seen before. */
    public Run execute(Plan.Ready plan, Actor actor, String idempotencyKey, Origin origin) {
        return claim(plan, idempotencyKey).orElseGet(() -> runClaimed(plan, actor, idempotencyKey, origin));
    }

    /** Plans and executes at once: for callers that can wait, such as the REST API. */
    public Run run(String releaseId, List<String> names, Actor actor, String idempotencyKey, Origin origin) {
        return switch (plan(releaseId, names, actor)) {
            case Plan.Refused refused -> new Run(List.of(), refused.refusal());
            case Plan.Ready ready -> execute(ready, actor, idempotencyKey, origin);
        };
    }

    private static Command.ProbeOutcome outcome(ProbeResult result) {
        String evidence;
        try {
            evidence = Json.MAPPER.writeValueAsString(result.evidence());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            evidence = "{}";
        }
        return new Command.ProbeOutcome(result.name(), result.type(), result.outcome().name().toLowerCase(Locale.ROOT),
                result.summary(), evidence, result.attempts());
    }

    private static Plan refused(CommandResult.Refusal kind, String message, String releaseId) {
        return new Plan.Refused(new CommandResult.Refused(kind, message, Principals.NONE, releaseId));
    }
}
