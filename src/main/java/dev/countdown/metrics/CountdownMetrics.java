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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Countdown's own figures at {@code /prometheus}: acknowledgements and their latency by platform,
 * releases by state, the outbox's depth. Counts that need the database are refreshed every 15 s,
 * not on each scrape.
 */
@Singleton
public class CountdownMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(CountdownMetrics.class);

    private final MeterRegistry registry;
    private final ReleaseService releases;
    private final ChatRepositories.Outbox outbox;
    private final Map<ReleaseState, AtomicLong> byState = new EnumMap<>(ReleaseState.class);
    private final AtomicLong outboxDepth = new AtomicLong();
    private volatile boolean failing;

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

    /**
     * While the database is away the figures keep their last values; the outage is said once when
     * it starts and once when it ends (the health check and the dispatcher say more), not every 15 s.
     */
    @Scheduled(fixedDelay = "15s", initialDelay = "0s")
    void refresh() {
        try {
            releases.countByState().forEach((state, count) -> byState.get(state).set(count));
            outboxDepth.set(outbox.count());
            if (failing) {
                failing = false;
                LOG.info("release and outbox figures are counted again");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.warn("release and outbox figures keep their last values until the database answers: {}",
                        e.toString());
            }
        }
    }
}
