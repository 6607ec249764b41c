package dev.countdown.probe;

import dev.countdown.release.CommandRequest;
import dev.countdown.release.CommandResult;
import dev.countdown.release.DefinitionCache;
import dev.countdown.release.LoadedRelease;
import dev.countdown.release.ReleaseObserver;
import dev.countdown.schedule.ScheduledWork;
import jakarta.inject.Singleton;

/**
 * Puts a release's watch on the durable scheduler in the transaction of its final GO, when its
 * manifest asks for one: the GO and the watch commit together, and the first run is due at once.
 */
@Singleton
class WatchRequests implements ReleaseObserver {

    private final ScheduledWork work;
    private final DefinitionCache definitions;

    WatchRequests(ScheduledWork work, DefinitionCache definitions) {
        this.work = work;
        this.definitions = definitions;
    }

    @Override
    public void applied(CommandRequest request, CommandResult.Applied result) {
        boolean go = result.events().stream().anyMatch(e -> e.type().startsWith("decision.go"));
        if (!go || result.release().isRollback()) {
            return;
        }
        LoadedRelease loaded = new LoadedRelease(result.release(), definitions.get(result.release().definitionHash()));
        ProbeWatch.start(loaded).ifPresent(at -> work.schedule(ProbeWatch.TASK, result.release().id(), at));
    }
}
