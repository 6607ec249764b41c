package dev.countdown.rollback;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The rollback's work on the durable scheduler. */
@Factory
class RollbackTasks {

    /**
     * One action run per instance ({@code rollbackId:attempt}). A run whose runner died is revived
     * (db-scheduler's default for a dead execution) and then only marked unknown by {@link ActionRunner}.
     */
    @Singleton
    Task<Void> rollbackAction(ActionRunner runner) {
        return Tasks.oneTime(ActionRequests.TASK).execute((instance, context) -> runner.run(instance.getId()));
    }
}
