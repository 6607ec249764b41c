package dev.countdown.metrics;

import dev.countdown.chat.ChatRepositories;
import dev.countdown.release.ReleaseService;
import dev.countdown.release.ReleaseState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Countdown's own figures at {@code /prometheus}: acknowledgements and their latency by platform,
 * releases by state, the outbox's depth. Counts that need the database are refreshed every 15 s,
 * not on each scrape.
 */
@Singleton
public class CountdownMetrics {

    private final MeterRegistry registry;
    private final ReleaseService releases;
    private final ChatRepositories.Outbox outbox;
    private final Map<ReleaseState, AtomicLong> byState = new EnumMap<>(ReleaseState.class);
    private final AtomicLong outboxDepth = new AtomicLong();

    public CountdownMetrics(MeterRegistry registry, ReleaseService releases, ChatRepositories.Outbox outbox) {
        this.registry = registry;
        this.releases = releases;
        this.outbox = outbox;
        for (ReleaseState state : ReleaseState.values()) {
            AtomicLong count = new AtomicLong();
            byState.put(state, count);
            Gauge.builder("countdown.releases", count, AtomicLong::get).tag("state", state.label())
                    .description("Releases by state").register(registry);
        }
        Gauge.builder("countdown.outbox.depth", outboxDepth, AtomicLong::get)
                .description("Releases whose chat view is waiting to be delivered").register(registry);
    }

    /** Times one acknowledgement of a platform's request: what the platform waits for. */
    public <T> T ack(String platform, Supplier<T> work) {
        return Timer.builder("countdown.acks").tag("platform", platform).publishPercentileHistogram()
                .description("Time to acknowledge a command or click").register(registry).record(work);
    }

    @Scheduled(fixedDelay = "15s", initialDelay = "0s")
    void refresh() {
        releases.countByState().forEach((state, count) -> byState.get(state).set(count));
        outboxDepth.set(outbox.count());
    }
}
