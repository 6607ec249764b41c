package dev.countdown.chat;

import dev.countdown.release.LoadedRelease;
import dev.countdown.release.Platform;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * A platform whose deliveries take a while: the test stops the service while one is in flight.
 * On with {@code test.chat-delivery=held}.
 */
@Singleton
@Requires(property = "test.chat-delivery", value = "held")
public class HeldDelivery implements ChatDelivery {

    /** No Discord delivery exists in the service yet, so its rows are this one's. */
    static final Platform PLATFORM = Platform.DISCORD;
    static final Duration HOLD = Duration.ofMillis(700);

    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch finished = new CountDownLatch(1);

    @Override
    public Platform platform() {
        return PLATFORM;
    }

    @Override
    public Result deliver(ChatThread thread, LoadedRelease release) {
        started.countDown();
        try {
            Thread.sleep(HOLD.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result.Failed("interrupted", true);
        }
        finished.countDown();
        return new Result.Done();
    }
}
