package dev.countdown.rollback;

import dev.countdown.manifest.ReleaseManifest;
import dev.countdown.manifest.RollbackPlan;
import dev.countdown.probe.ProbeService;
import dev.countdown.probe.Redactor;
import dev.countdown.release.ActionRun;
import dev.countdown.release.Actor;
import dev.countdown.release.Command;
import dev.countdown.release.Command.ActionStep.Kind;
import dev.countdown.release.CommandRequest;
import dev.countdown.release.CommandResult;
import dev.countdown.release.IdentitySource;
import dev.countdown.release.LoadedRelease;
import dev.countdown.release.Release;
import dev.countdown.release.ReleaseService;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a rollback's action exactly once. The run is claimed by a command (requested → running,
 * committed before anything is sent), so of two runners, a Slack retry or a double click, one
 * claim applies and every other finds the run taken. A run found running when its task runs again
 * had a runner that died mid-call: it becomes unknown for a person, and nothing is sent.
 * After a successful call the verification probes run, and the rollback is done.
 */
@Singleton
class ActionRunner {

    static final Actor RUNNER = new Actor(IdentitySource.SYSTEM, "countdown-runner", "Countdown", Set.of());
    private static final Logger LOG = LoggerFactory.getLogger(ActionRunner.class);

    private final ReleaseService releases;
    private final ProbeService probes;
    private final Clock clock;
    private final Function<String, String> environment;
    /** Never retried by OkHttp itself: a POST whose answer was lost may have acted, and is not sent again. */
    private final OkHttpClient http = new OkHttpClient.Builder().followRedirects(false)
            .retryOnConnectionFailure(false).build();

    @jakarta.inject.Inject
    ActionRunner(ReleaseService releases, ProbeService probes, Clock clock) {
        this(releases, probes, clock, System::getenv);
    }

    ActionRunner(ReleaseService releases, ProbeService probes, Clock clock, Function<String, String> environment) {
        this.releases = releases;
        this.probes = probes;
        this.clock = clock;
        this.environment = environment;
    }

    /** The task instance {@code rollbackId:attempt}. */
    void run(String instance) {
        int colon = instance.lastIndexOf(':');
        String rollbackId = instance.substring(0, colon);
        int attempt = Integer.parseInt(instance.substring(colon + 1));
        Optional<LoadedRelease> loaded = releases.find(rollbackId);
        ActionRun run = loaded.map(LoadedRelease::release).map(Release::rollback).map(r -> r.run()).orElse(null);
        if (run == null || run.attempt() != attempt) {
            return;
        }
        switch (run.state()) {
            case REQUESTED -> {
                if (step(rollbackId, attempt, Kind.CLAIM, "", "") instanceof CommandResult.Applied a && !a.events().isEmpty()) {
                    call(loaded.get(), run);
                }
            }
            // claimed before, and this task runs again: its runner stopped mid-call
            case RUNNING -> step(rollbackId, attempt, Kind.LOST, "Countdown stopped while the action was in flight; "
                    + "it may or may not have reached the deploy system.", "");
            // the call succeeded but the verification did not finish: only the verification runs again
            case SUCCEEDED -> verify(loaded.get(), attempt);
            default -> { }
        }
    }

    private void call(LoadedRelease loaded, ActionRun run) {
        Release rollback = loaded.release();
        RollbackPlan.Action action = loaded.definition().manifest().rollback().action().orElseThrow();
        Redactor redactor = Redactor.of(WebhookCall.secrets(action), WebhookCall.literalSecrets(action), environment);
        UnaryOperator<String> fill = text -> text.replace("{service}", rollback.service())
                .replace("{version}", rollback.version());
        ActionCall call;
        try {
            call = action.type().equals(RollbackPlan.Action.GITHUB_ACTIONS)
                    ? WorkflowDispatch.call(timed(action), action, fill, run.key(), environment, redactor)
                    : WebhookCall.call(timed(action), action, fill.apply(body(action, rollback, run)), run.key(),
                    clock.instant(), environment, redactor);
        } catch (RuntimeException e) {
            // a missing secret, a URL that does not parse: nothing was sent
            call = new ActionCall(ActionCall.Outcome.FAILED, "not sent: " + redactor.apply(e.getMessage()), "");
        }
        LOG.info("rollback {} action attempt {}: {}", rollback.id(), run.attempt(), call.outcome());
        Kind kind = switch (call.outcome()) {
            case SUCCEEDED -> Kind.SUCCEEDED;
            case FAILED -> Kind.FAILED;
            case UNKNOWN -> Kind.LOST;
        };
        step(rollback.id(), run.attempt(), kind, call.summary(), call.evidence());
        if (kind == Kind.SUCCEEDED) {
            verify(loaded, run.attempt());
        }
    }

    /** The watch's probes when the manifest has a watch, all its probes otherwise; then the rollback is done. */
    private void verify(LoadedRelease loaded, int attempt) {
        ReleaseManifest manifest = loaded.definition().manifest();
        List<String> names = manifest.watch().map(w -> w.probes()).orElse(List.of());
        String summary = "no probes in the manifest";
        if (!manifest.probes().isEmpty()) {
            ProbeService.Run run = probes.run(loaded.release().id(), names, RUNNER,
                    "action:" + loaded.release().id() + ":" + attempt + ":verify", null);
            long passed = run.results().stream().filter(r -> r.outcome().name().equals("PASS")).count();
            summary = "verification: " + passed + " of " + run.results().size() + " probes passed";
        }
        step(loaded.release().id(), attempt, Kind.VERIFIED, summary, "");
    }

    private CommandResult step(String rollbackId, int attempt, Kind kind, String summary, String evidence) {
        String key = "action:" + rollbackId + ":" + attempt + ":" + kind.name().toLowerCase(java.util.Locale.ROOT);
        return releases.handle(new CommandRequest(new Command.ActionStep(rollbackId, attempt, kind, summary, evidence),
                RUNNER, key));
    }

    private static String body(RollbackPlan.Action action, Release rollback, ActionRun run) {
        if (!action.body().isEmpty()) {
            return action.body();
        }
        return dev.countdown.json.Json.MAPPER.createObjectNode().put("service", rollback.service())
                .put("rollback_from", rollback.version()).put("rollback_id", rollback.id())
                .put("idempotency_key", run.key()).toString();
    }

    private OkHttpClient timed(RollbackPlan.Action action) {
        return http.newBuilder().callTimeout(action.timeout()).readTimeout(action.timeout()).build();
    }
}
