package dev.countdown.reminder;

import dev.countdown.evidence.AuditEvent;
import dev.countdown.manifest.ReminderPlan;
import dev.countdown.release.CommandRequest;
import dev.countdown.release.CommandResult;
import dev.countdown.release.DefinitionCache;
import dev.countdown.release.Release;
import dev.countdown.release.ReleaseDefinition;
import dev.countdown.release.ReleaseObserver;
import dev.countdown.release.ReleaseState;
import dev.countdown.schedule.ScheduledWork;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;

/**
 * Puts a release's reminder and escalation on the durable scheduler in the transaction in which
 * its approvals became needed: when the release reaches its last phase (at the start when it has
 * one phase, after the last gate's GO otherwise) and again when a NO-GO is reopened. A reminder
 * deferred by quiet hours is put back for their end, in the transaction that recorded the deferral.
 */
@Singleton
class ReminderRequests implements ReleaseObserver {

    static final String TASK = "approval-reminder";
    static final String REMIND = "remind";
    static final String ESCALATE = "escalate";

    private final ScheduledWork work;
    private final DefinitionCache definitions;

    ReminderRequests(ScheduledWork work, DefinitionCache definitions) {
        this.work = work;
        this.definitions = definitions;
    }

    @Override
    public void applied(CommandRequest request, CommandResult.Applied result) {
        Release release = result.release();
        if (release.isRollback() || release.state() != ReleaseState.OPEN) {
            return;
        }
        ReleaseDefinition definition = definitions.get(release.definitionHash());
        Optional<ReminderPlan> plan = definition.manifest().reminders();
        if (plan.isEmpty() || !definition.isLastPhase(release.phase())) {
            return;
        }
        for (AuditEvent event : result.events()) {
            if (approvalsBecameNeeded(event.type())) {
                Instant needed = event.at();
                work.schedule(TASK, instance(release.id(), release.round(), REMIND), needed.plus(plan.get().after()));
                plan.get().escalateAfter().ifPresent(after ->
                        work.schedule(TASK, instance(release.id(), release.round(), ESCALATE), needed.plus(after)));
            } else if (event.type().equals("approval.reminder-deferred")) {
                String stage = event.subject().equals("escalation") ? ESCALATE : REMIND;
                Instant at = Instant.parse(event.after());
                work.schedule(TASK, instance(release.id(), release.round(), stage) + "@" + at.getEpochSecond(), at);
            }
        }
    }

    private static boolean approvalsBecameNeeded(String type) {
        return type.equals("release.started") || type.equals("release.reopened") || type.startsWith("gate.go");
    }

    /** {@code releaseId:round:stage}, and {@code @epochSecond} for one deferred to the end of quiet hours. */
    static String instance(String releaseId, int round, String stage) {
        return releaseId + ":" + round + ":" + stage;
    }
}
