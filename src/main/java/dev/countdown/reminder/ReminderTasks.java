package dev.countdown.reminder;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Reminders on the durable scheduler: one instance per release, round and stage. */
@Factory
class ReminderTasks {

    @Singleton
    Task<Void> approvalReminder(ReminderRunner runner) {
        return Tasks.oneTime(ReminderRequests.TASK).execute((instance, context) -> runner.run(instance.getId()));
    }
}
