package dev.countdown.window;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.countdown.release.Actor;
import dev.countdown.release.Command;
import dev.countdown.release.CommandRequest;
import dev.countdown.release.IdentitySource;
import dev.countdown.release.ReleaseService;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * Change-window openings on the durable scheduler. The instance id ({@code releaseId:epochSecond})
 * is the command's idempotency key, so an opening run again after a crash is said once.
 */
@Factory
class WindowTasks {

    static final Actor WINDOWS = new Actor(IdentitySource.SYSTEM, "countdown-windows", "Countdown", Set.of());

    @Singleton
    Task<Void> windowOpening(ReleaseService releases) {
        return Tasks.oneTime(WindowOpenings.TASK).execute((instance, context) -> {
            String id = instance.getId();
            releases.handle(new CommandRequest(new Command.WindowOpening(id.substring(0, id.indexOf(':'))), WINDOWS,
                    "window:" + id));
        });
    }
}
