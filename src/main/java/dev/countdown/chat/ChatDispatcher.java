package dev.countdown.chat;

import dev.countdown.release.Platform;
import dev.countdown.release.ReleaseService;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works off the outbox: for each release whose view is behind, renders its current state and lets
 * the platform post or edit what changed. Runs apart from the commands, so acknowledging a click
 * never waits on a platform; pending rows survive a restart and are delivered then.
 *
 * <p>It schedules its own poll rather than being {@code @Scheduled}: a scheduled method's bean is
 * looked up at every run, so a run due after the context destroyed the dispatcher would create it
 * again, on a closed connection pool. On shutdown it stops before anything closes: the context
 * announces its shutdown before it destroys a bean, and {@link #stop} then cancels the poll and
 * waits out a run in flight. While the database is down, polls keep trying and the failure is
 * logged when it starts, once a minute while it lasts, and when it ends.
 *
 * <p>Replicas share the outbox: a row is delivered only under this replica's claim on it
 * ({@link OutboxClaims}), and a platform this replica cannot reach now (Discord on a replica not
 * holding the gateway) is left to the one that can.
 */
@Singleton
public class ChatDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(ChatDispatcher.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    /** While a platform fails, how often one of its rows is tried ahead of its backoff to see whether it is back. */
    static final Duration PROBE_EVERY = Duration.ofSeconds(2);
    static final Duration FAILURE_LOG_INTERVAL = Duration.ofMinutes(1);

    private final ChatRepositories.Outbox outbox;
    private final OutboxClaims claims;
    private final ChatRepositories.Threads threads;
    private final ReleaseService releases;
    private final Map<Platform, ChatDelivery> deliveries;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final TaskScheduler scheduler;
    private final Duration every;
    private final Duration initialDelay;
    private ScheduledFuture<?> polling;
    private volatile boolean stopped;
    /** Since when polls have been failing, and what was last said of it; null while they succeed. */
    private Outage outage;
    /** Platforms whose last delivery failed, and when one of their rows was last tried. */
    private final Map<Platform, Instant> failing = new java.util.EnumMap<>(Platform.class);

    public ChatDispatcher(ChatRepositories.Outbox outbox, OutboxClaims claims, ChatRepositories.Threads threads, ReleaseService releases,
                          List<ChatDelivery> deliveries, Clock clock, MeterRegistry metrics,
                          @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler,
                          @Value("${countdown.chat.poll:200ms}") Duration every,
                          @Value("${countdown.chat.initial-delay:1s}") Duration initialDelay) {
        this.outbox = outbox;
        this.claims = claims;
        this.threads = threads;
        this.releases = releases;
        this.deliveries = deliveries.stream().collect(Collectors.toMap(ChatDelivery::platform, Function.identity()));
        this.clock = clock;
        this.metrics = metrics;
        this.scheduler = scheduler;
        this.every = every;
        this.initialDelay = initialDelay;
    }

    @EventListener
    synchronized void onStartup(StartupEvent event) {
        if (polling == null && !stopped) {
            polling = scheduler.scheduleWithFixedDelay(initialDelay, every, this::poll);
        }
    }

    private void poll() {
        try {
            drain();
        } catch (RuntimeException e) {
            failed(e);
            return;
        }
        recovered();
    }

    /** Delivers every due entry once, none once stopped; returns how many were tried. */
    public synchronized int drain() {
        if (stopped) {
            return 0;
        }
        claims.sweepStaleOnce();
        Instant now = clock.instant();
        List<OutboxEntry> due = outbox.findUnclaimedDue(now);
        int tried = 0;
        for (OutboxEntry entry : due) {
            if (stopped) {
                break;
            }
            if (deliverClaimed(entry, now)) {
                tried++;
            }
        }
        return tried + probeFailing();
    }

    /**
     * Rows back off after failures, up to minutes; the platform may answer again long before. So
     * while a platform fails, its row due first is tried every {@link #PROBE_EVERY}, and the first
     * success makes every row of the platform due at once.
     */
    private int probeFailing() {
        int tried = 0;
        for (Platform platform : List.copyOf(failing.keySet())) {
            Instant last = failing.get(platform);
            if (stopped || last == null || clock.instant().isBefore(last.plus(PROBE_EVERY))) {
                continue;
            }
            var first = outbox.findFirstByPlatformAndAttemptsGreaterThanOrderByDueAt(platform, 0);
            if (first.isEmpty()) {
                failing.remove(platform);
                continue;
            }
            if (deliverClaimed(first.get(), first.get().dueAt())) {
                tried++;
            }
        }
        return tried;
    }

    @EventListener
    void onShutdown(ShutdownEvent event) {
        stop();
    }

    /**
     * No poll from now on. Synchronized with {@link #drain}: returns once a poll in flight is done,
     * so the context's stop waits for it before closing the connection pool. Between two entries a
     * poll in flight sees the flag: it is waited for one delivery at most.
     */
    @PreDestroy
    void stop() {
        stopped = true;
        synchronized (this) {
            if (polling != null) {
                polling.cancel(false);
            }
        }
    }

    private synchronized void failed(RuntimeException e) {
        if (stopped) {
            // the stop came while this poll ran: a database that closes itself at exit may be the cause
            LOG.warn("chat outbox poll failed while stopping: {}", rootMessage(e));
            return;
        }
        Instant now = clock.instant();
        if (outage == null) {
            LOG.error("chat outbox poll failed; deliveries wait until it succeeds again (retrying every poll, "
                    + "reporting at most once a minute)", e);
            outage = new Outage(now, now, 0);
        } else if (!now.isBefore(outage.reportedAt().plus(FAILURE_LOG_INTERVAL))) {
            LOG.error("chat outbox poll still failing since {} ({} more failed polls): {}", outage.since(),
                    outage.unreported() + 1, rootMessage(e));
            outage = new Outage(outage.since(), now, 0);
        } else {
            outage = new Outage(outage.since(), outage.reportedAt(), outage.unreported() + 1);
        }
    }

    private synchronized void recovered() {
        if (outage != null) {
            LOG.info("chat outbox poll recovered after failing for {}s",
                    Duration.between(outage.since(), clock.instant()).toSeconds());
            outage = null;
        }
    }

    private record Outage(Instant since, Instant reportedAt, int unreported) {
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** Delivers the row if this replica can and claims it, still due by {@code dueBy}; false when left alone. */
    private boolean deliverClaimed(OutboxEntry seen, Instant dueBy) {
        ChatDelivery delivery = deliveries.get(seen.platform());
        if (delivery != null && !delivery.ready()) {
            return false;
        }
        var claimed = claims.claim(seen, dueBy);
        claimed.ifPresent(entry -> claims.holding(entry.id(), () -> {
            deliver(entry);
            return null;
        }));
        return claimed.isPresent();
    }

    private void deliver(OutboxEntry entry) {
        ChatDelivery delivery = deliveries.get(entry.platform());
        var thread = threads.findById(entry.id());
        var release = releases.find(entry.releaseId());
        if (delivery == null || thread.isEmpty() || release.isEmpty()) {
            // The platform is not configured here (yet): keep the entry for when it is.
            outbox.reschedule(entry.id(), claims.replica(), clock.instant().plus(MAX_BACKOFF), entry.attempts(),
                    "no " + entry.platform() + " delivery configured");
            return;
        }
        ChatDelivery.Result result;
        try {
            result = delivery.deliver(thread.get(), release.get());
        } catch (RuntimeException e) {
            result = new ChatDelivery.Result.Failed(e.toString(), true);
        }
        Instant now = clock.instant();
        metrics.counter("countdown.deliveries", "platform", entry.platform().label(), "outcome",
                result.getClass().getSimpleName().toLowerCase()).increment();
        switch (result) {
            case ChatDelivery.Result.Done done -> {
                if (outbox.deleteDelivered(entry.id(), entry.generation(), claims.replica()) == 0) {
                    outbox.reschedule(entry.id(), claims.replica(), now, 0, null);
                }
                answered(entry, now);
            }
            case ChatDelivery.Result.Later later -> {
                outbox.reschedule(entry.id(), claims.replica(), now.plus(later.delay()), 0, later.reason());
                answered(entry, now);
            }
            case ChatDelivery.Result.Failed failed -> {
                int attempts = entry.attempts() + 1;
                Duration wait = failed.retryable() ? backoff(attempts) : MAX_BACKOFF;
                LOG.warn("delivery of {} to {} failed (attempt {}), next in {}: {}", entry.releaseId(),
                        entry.platform(), attempts, wait, failed.error());
                outbox.reschedule(entry.id(), claims.replica(), now.plus(wait), attempts, failed.error());
                if (failed.retryable()) {
                    failing.put(entry.platform(), now);
                }
            }
        }
    }

    /** The platform answered: whatever backs off after its failures need not wait any longer. */
    private void answered(OutboxEntry entry, Instant now) {
        if (failing.remove(entry.platform()) != null || entry.attempts() > 0) {
            outbox.resetBackoff(entry.platform(), now);
        }
    }

    static Duration backoff(int attempts) {
        Duration wait = Duration.ofMillis(500L << Math.min(attempts - 1, 12));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }
}
