package dev.countdown.window;

import dev.countdown.manifest.ChangeWindows;
import dev.countdown.release.Command;
import dev.countdown.release.CommandRequest;
import dev.countdown.release.CommandResult;
import dev.countdown.release.DefinitionCache;
import dev.countdown.release.ReleaseObserver;
import dev.countdown.release.ReleaseRowRepository;
import dev.countdown.schedule.ScheduledWork;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Puts the opening of the next change window on the durable scheduler while a release waits for
 * one: whenever it changes, or a GO is refused, outside the windows. One task instance per
 * release and opening, however often it is asked for; when it runs, {@link WindowTasks} tells
 * the release, which says so in its thread (and auto-decide may take the GO then).
 */
@Singleton
class WindowOpenings implements ReleaseObserver {

    static final String TASK = "window-opening";

    private final ScheduledWork work;
    private final DefinitionCache definitions;
    private final ReleaseRowRepository releases;
    private final Clock clock;

    WindowOpenings(ScheduledWork work, DefinitionCache definitions, ReleaseRowRepository releases, Clock clock) {
        this.work = work;
        this.definitions = definitions;
        this.releases = releases;
        this.clock = clock;
    }

    @Override
    public void applied(CommandRequest request, CommandResult.Applied result) {
        if (result.release().acceptsWork()) {
            schedule(result.release().id(), windows(result.release().definitionHash()));
        }
    }

    @Override
    public void refused(CommandRequest request, CommandResult.Refused refused) {
        if (request.command() instanceof Command.Decide && refused.kind() == CommandResult.Refusal.CONFLICT) {
            releases.findDefinitionHashById(refused.releaseId())
                    .ifPresent(hash -> schedule(refused.releaseId(), windows(hash)));
        }
    }

    private Optional<ChangeWindows> windows(String definitionHash) {
        return definitions.get(definitionHash).manifest().windows();
    }

    private void schedule(String releaseId, Optional<ChangeWindows> windows) {
        Instant now = clock.instant();
        if (windows.isEmpty() || windows.get().closed(now).isEmpty()) {
            return;
        }
        windows.get().next(now).ifPresent(opening -> work.schedule(TASK,
                releaseId + ":" + opening.toEpochSecond(), opening.toInstant()));
    }
}
