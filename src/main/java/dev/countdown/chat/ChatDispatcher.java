package dev.countdown.chat;

import dev.countdown.release.ReleaseService;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works off the outbox: for each release whose view is behind, renders its current state and lets
 * the platform post or edit what changed. Runs apart from the commands, so acknowledging a click
 * never waits on a platform; pending rows survive a restart and are delivered then.
 */
@Singleton
public class ChatDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(ChatDispatcher.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final ChatRepositories.Outbox outbox;
    private final ChatRepositories.Threads threads;
    private final ReleaseService releases;
    private final Map<String, ChatDelivery> deliveries;
    private final Clock clock;
    private final MeterRegistry metrics;

    public ChatDispatcher(ChatRepositories.Outbox outbox, ChatRepositories.Threads threads, ReleaseService releases,
                          List<ChatDelivery> deliveries, Clock clock, MeterRegistry metrics) {
        this.outbox = outbox;
        this.threads = threads;
        this.releases = releases;
        this.deliveries = deliveries.stream().collect(Collectors.toMap(ChatDelivery::platform, Function.identity()));
        this.clock = clock;
        this.metrics = metrics;
    }

    @Scheduled(fixedDelay = "${countdown.chat.poll:200ms}", initialDelay = "${countdown.chat.initial-delay:1s}")
    void poll() {
        drain();
    }

    /** Delivers every due entry once; returns how many were tried. */
    public synchronized int drain() {
        List<OutboxEntry> due = outbox.findByDueAtLessThanEqualsOrderByDueAt(clock.instant());
        due.forEach(this::deliver);
        return due.size();
    }

    private void deliver(OutboxEntry entry) {
        ChatDelivery delivery = deliveries.get(entry.platform());
        var thread = threads.findById(entry.id());
        var release = releases.find(entry.releaseId());
        if (delivery == null || thread.isEmpty() || release.isEmpty()) {
            // The platform is not configured here (yet): keep the entry for when it is.
            outbox.reschedule(entry.id(), clock.instant().plus(MAX_BACKOFF), entry.attempts(),
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
        metrics.counter("countdown.deliveries", "platform", entry.platform(), "outcome",
                result.getClass().getSimpleName().toLowerCase()).increment();
        switch (result) {
            case ChatDelivery.Result.Done done -> {
                if (outbox.deleteDelivered(entry.id(), entry.generation()) == 0) {
                    outbox.reschedule(entry.id(), now, 0, null);
                }
            }
            case ChatDelivery.Result.Later later -> outbox.reschedule(entry.id(), now.plus(later.delay()),
                    entry.attempts(), later.reason());
            case ChatDelivery.Result.Failed failed -> {
                int attempts = entry.attempts() + 1;
                Duration wait = failed.retryable() ? backoff(attempts) : MAX_BACKOFF;
                LOG.warn("delivery of {} to {} failed (attempt {}), next in {}: {}", entry.releaseId(),
                        entry.platform(), attempts, wait, failed.error());
                outbox.reschedule(entry.id(), now.plus(wait), attempts, failed.error());
            }
        }
    }

    static Duration backoff(int attempts) {
        Duration wait = Duration.ofMillis(500L << Math.min(attempts - 1, 12));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }
}
