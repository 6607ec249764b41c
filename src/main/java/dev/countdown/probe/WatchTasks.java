package dev.countdown.probe;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;

/** The watch on the durable scheduler: one instance per watched release, rescheduled until the watch is over. */
@Factory
class WatchTasks {

    @Singleton
    Task<Void> releaseWatch(ProbeWatch watch) {
        return Tasks.custom(ProbeWatch.TASK, Void.class).execute((instance, context) -> {
            Optional<Instant> next = watch.watch(instance.getId());
            return next.<CompletionHandler<Void>>map(at -> (complete, operations) -> operations.reschedule(complete, at))
                    .orElseGet(CompletionHandler.OnCompleteRemove::new);
        });
    }
}
