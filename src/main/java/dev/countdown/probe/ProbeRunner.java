package dev.countdown.probe;

import dev.countdown.manifest.ProbeSpec;
import dev.countdown.manifest.ReleaseManifest;
import dev.countdown.manifest.SecretString;
import dev.countdown.probe.ProbeResult.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs probes on command: each on a virtual thread, each attempt within its probe's timeout, at
 * most {@link Options#maxConcurrent} attempts in flight, the whole run within a deadline. It never
 * throws: whatever goes wrong becomes a FAIL or ERROR result saying what, and every result is
 * redacted before anything else sees it.
 */
public final class ProbeRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProbeRunner.class);

    /** Past the deadline, how long to wait for a probe still finishing its last attempt. */
    private static final Duration GRACE = Duration.ofMillis(200);

    /**
     * @param maxConcurrent attempts in flight at once, over all runs: a slow target holds a slot
     *                      only until its timeout, and the others go on meanwhile
     * @param runDeadline   the longest a call to {@code run} may take, queueing and retries included
     * @param retryDelay    the pause before a retry, so a target that just failed is not hammered
     */
    public record Options(int maxConcurrent, Duration runDeadline, Duration retryDelay) {
        public static final Options DEFAULTS = new Options(64, Duration.ofMinutes(2), Duration.ofMillis(500));

        public Options {
            if (maxConcurrent < 1) {
                throw new IllegalArgumentException("maxConcurrent must be at least 1");
            }
        }
    }

    private final Probes probes;
    private final Options options;
    private final Function<String, String> environment;
    private final Clock clock;
    private final Semaphore slots;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    /** @param environment where {@code ${ENV}} references are resolved: {@code System::getenv} in service */
    public ProbeRunner(Probes probes, Options options, Function<String, String> environment, Clock clock) {
        this.probes = probes;
        this.options = options;
        this.environment = environment;
        this.clock = clock;
        this.slots = new Semaphore(options.maxConcurrent(), true);
    }

    public ProbeRunner(Probes probes, Options options) {
        this(probes, options, System::getenv, Clock.systemUTC());
    }

    public Options options() {
        return options;
    }

    public ProbeResult run(ProbeSpec spec, Optional<String> releaseVersion) {
        return run(List.of(spec), releaseVersion).getFirst();
    }

    /** Every probe the manifest defines, in the manifest's order. */
    public List<ProbeResult> runAll(ReleaseManifest manifest, Optional<String> releaseVersion) {
        return run(manifest.probes().values(), releaseVersion);
    }

    /** The probes in parallel; the results in the order given, one per probe, whatever happens. */
    public List<ProbeResult> run(Collection<? extends ProbeSpec> specs, Optional<String> releaseVersion) {
        long deadline = System.nanoTime() + options.runDeadline().toNanos();
        List<ProbeSpec> ordered = List.copyOf(specs);
        List<Future<ProbeResult>> running = new ArrayList<>();
        for (ProbeSpec spec : ordered) {
            try {
                running.add(threads.submit(() -> runOne(spec, releaseVersion, deadline)));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                running.add(java.util.concurrent.CompletableFuture.completedFuture(
                        unattempted(spec, releaseVersion, "the probe runner is shut down", clock.instant(), 0)));
            }
        }
        List<ProbeResult> results = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            results.add(collect(ordered.get(i), running.get(i), deadline, releaseVersion));
        }
        return results;
    }

    private ProbeResult collect(ProbeSpec spec, Future<ProbeResult> future, long deadline, Optional<String> version) {
        Instant now = clock.instant();
        try {
            long wait = Math.max(0, deadline - System.nanoTime()) + GRACE.toNanos();
            return future.get(wait, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return unattempted(spec, version, "not finished within the run's deadline of "
                    + Durations.human(options.runDeadline()), now, 1);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return unattempted(spec, version, "the run was interrupted", now, 0);
        } catch (ExecutionException e) {
            // runOne catches everything; this is the net under the net
            return unattempted(spec, version, "the probe failed unexpectedly: "
                    + Redactor.of(spec, environment).apply(Unreachable.rootMessage(e.getCause())), now, 1);
        }
    }

    private ProbeResult runOne(ProbeSpec spec, Optional<String> version, long deadline) {
        Redactor redactor = Redactor.of(spec, environment);
        Probe probe;
        try {
            probe = probes.of(spec);
        } catch (RuntimeException e) {
            return unattempted(spec, version, "the probe cannot be made: " + redactor.apply(Unreachable.rootMessage(e)),
                    clock.instant(), 0);
        }
        int attempts = 0;
        Tried last;
        while (true) {
            attempts++;
            last = attempt(spec, probe, redactor, version, deadline, attempts);
            if (last.result().passed() || !last.retryable() || attempts > spec.settings().retries()) {
                break;
            }
            long pause = Math.min(options.retryDelay().toNanos(), deadline - System.nanoTime());
            if (pause < 0 || !sleep(pause)) {
                break;
            }
        }
        ProbeResult result = last.result();
        LOG.debug("probe {} ({}) {} after {} attempt(s): {}", spec.name(), spec.type(), result.outcome(), attempts,
                result.summary());
        return result;
    }

    /** An attempt's result, and whether another attempt could turn out differently. */
    private record Tried(ProbeResult result, boolean retryable) {
    }

    /** One attempt, in a slot, on its own virtual thread so that its timeout can cut it off. */
    private Tried attempt(ProbeSpec spec, Probe probe, Redactor redactor, Optional<String> version, long deadline,
                          int number) {
        Instant startedAt = clock.instant();
        Evidence.Asked asked = asked(probe, new AttemptContext(environment, version, spec.settings().timeout(), clock), spec);
        try {
            long waitable = deadline - System.nanoTime();
            if (waitable <= 0 || !slots.tryAcquire(waitable, TimeUnit.NANOSECONDS)) {
                return new Tried(result(spec, Finding.error("no free slot before the run's deadline (at most "
                        + options.maxConcurrent() + " at a time)"), asked, redactor, startedAt, number), false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Tried(result(spec, Finding.misconfigured("the run was interrupted"), asked, redactor, startedAt,
                    number), false);
        }
        // measured once the slot is held, so that waiting for it cannot push the attempt past the deadline
        long remaining = deadline - System.nanoTime();
        Duration timeout = spec.settings().timeout();
        boolean cutByDeadline = remaining < timeout.toNanos();
        if (cutByDeadline) {
            timeout = Duration.ofNanos(Math.max(0, remaining));
        }
        AttemptContext context = new AttemptContext(environment, version, timeout, clock);
        startedAt = clock.instant();
        Finding finding;
        try {
            Future<Finding> running = threads.submit(() -> probe.attempt(context));
            try {
                finding = running.get(Math.max(1, timeout.toNanos()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                running.cancel(true);
                finding = Finding.error(cutByDeadline
                        ? "stopped after " + Durations.human(timeout) + " at the run's deadline"
                        : "timed out after " + Durations.human(timeout));
            } catch (InterruptedException e) {
                running.cancel(true);
                Thread.currentThread().interrupt();
                finding = Finding.misconfigured("the run was interrupted");
            } catch (ExecutionException e) {
                finding = thrown(e.getCause());
            }
        } finally {
            slots.release();
        }
        return new Tried(result(spec, finding, asked, redactor, startedAt, number), finding.retryable());
    }

    /** What a probe threw, as a finding: a missing secret or a bad value is not worth retrying. */
    private static Finding thrown(Throwable e) {
        if (e instanceof SecretString.MissingSecretException missing) {
            return Finding.misconfigured("environment variable " + missing.variable() + " is not set");
        }
        if (e instanceof ProbeConfigurationException bad) {
            return Finding.misconfigured(bad.getMessage());
        }
        return Finding.error("the probe failed: " + e.getClass().getSimpleName() + ": " + Unreachable.rootMessage(e));
    }

    private ProbeResult result(ProbeSpec spec, Finding finding, Evidence.Asked asked, Redactor redactor,
                               Instant startedAt, int attempts) {
        Instant finishedAt = clock.instant();
        Evidence evidence = new Evidence(asked, finding.answer().map(redactor::apply).map(Evidence.Answer::cut),
                Duration.between(startedAt, finishedAt), startedAt, finishedAt);
        return new ProbeResult(spec.name(), spec.type(), finding.outcome(), redactor.apply(finding.summary()), evidence,
                attempts);
    }

    private ProbeResult unattempted(ProbeSpec spec, Optional<String> version, String summary, Instant at, int attempts) {
        Evidence.Asked asked;
        try {
            asked = asked(probes.of(spec), new AttemptContext(environment, version, spec.settings().timeout(), clock), spec);
        } catch (RuntimeException e) {
            asked = new Evidence.Asked(spec.type(), spec.name(), java.util.Map.of(), Optional.empty());
        }
        Instant now = clock.instant();
        return new ProbeResult(spec.name(), spec.type(), Outcome.ERROR, summary,
                new Evidence(asked, Optional.empty(), Duration.between(at, now), at, now), attempts);
    }

    private static Evidence.Asked asked(Probe probe, AttemptContext context, ProbeSpec spec) {
        try {
            return probe.asked(context);
        } catch (RuntimeException e) {
            return new Evidence.Asked(spec.type(), spec.name(), java.util.Map.of(), Optional.empty());
        }
    }

    private static boolean sleep(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
        probes.close();
    }
}
