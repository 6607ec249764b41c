package dev.countdown.rollback;

import dev.countdown.release.ActionRun;
import dev.countdown.release.CommandRequest;
import dev.countdown.release.CommandResult;
import dev.countdown.release.ReleaseObserver;
import dev.countdown.schedule.ScheduledWork;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Puts a requested rollback action on the durable scheduler in the transaction that requested it
 * (the decision owner's approval, or a person's retry), so the request and the approval commit
 * together: an approval never waits for a runner that will not come.
 */
@Singleton
class ActionRequests implements ReleaseObserver {

    static final String TASK = "rollback-action";

    private final ScheduledWork work;
    private final Clock clock;

    ActionRequests(ScheduledWork work, Clock clock) {
        this.work = work;
        this.clock = clock;
    }

    @Override
    public void applied(CommandRequest request, CommandResult.Applied result) {
        boolean requested = result.events().stream().anyMatch(e -> e.type().equals("action.requested"));
        if (!requested || !result.release().isRollback()) {
            return;
        }
        ActionRun run = result.release().rollback().run();
        work.schedule(TASK, instance(result.release().id(), run.attempt()), clock.instant());
    }

    static String instance(String rollbackId, int attempt) {
        return rollbackId + ":" + attempt;
    }
}
