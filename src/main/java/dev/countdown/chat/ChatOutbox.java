package dev.countdown.chat;

import dev.countdown.release.Command;
import dev.countdown.release.CommandRequest;
import dev.countdown.release.CommandResult;
import dev.countdown.release.ManifestRegistry;
import dev.countdown.release.Origin;
import dev.countdown.release.Platform;
import dev.countdown.source.SourceException;
import dev.countdown.release.ReleaseObserver;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Records, in the command's own transaction, that a release's chat view is behind. A release
 * started from a chat gets a thread on that platform, and on the other real platform too when its
 * manifest names a channel there (its first): one ceremony, seen and run from Slack and Discord
 * alike. Every later change marks each of its threads dirty. Bursts coalesce: one outbox row per
 * release and platform.
 */
@Singleton
public class ChatOutbox implements ReleaseObserver {

    private final ChatRepositories.Threads threads;
    private final ChatRepositories.Outbox outbox;
    private final Clock clock;

    private final ManifestRegistry registry;

    public ChatOutbox(ChatRepositories.Threads threads, ChatRepositories.Outbox outbox, Clock clock,
                      ManifestRegistry registry) {
        this.threads = threads;
        this.outbox = outbox;
        this.clock = clock;
        this.registry = registry;
    }

    @Override
    public void applied(CommandRequest request, CommandResult.Applied result) {
        String releaseId = result.release().id();
        Instant now = clock.instant();
        boolean opened = request.command() instanceof Command.Start
                // a rollback's start also moves the release it undoes, which has its thread already
                || request.command() instanceof Command.StartRollback s && !s.releaseId().equals(releaseId);
        if (opened && request.origin() != null) {
            threads.save(new ChatThread(ChatThread.idOf(request.origin().platform(), releaseId), releaseId,
                    request.origin().platform(), request.origin().channelId(), now));
            mirror(result.release().service(), request.origin().platform()).ifPresent(o -> threads.save(new ChatThread(
                    ChatThread.idOf(o.platform(), releaseId), releaseId, o.platform(), o.channelId(), now)));
        }
        for (ChatThread thread : threads.findByReleaseId(releaseId)) {
            markDirty(thread.platform(), releaseId, now);
        }
    }

    /** The other real platform's first channel in the service's manifest; never for the playground. */
    private Optional<Origin> mirror(String service, Platform started) {
        if (started == Platform.PLAYGROUND) {
            return Optional.empty();
        }
        Platform other = started == Platform.SLACK ? Platform.DISCORD : Platform.SLACK;
        try {
            var channels = registry.find(service).loaded().manifest().channels();
            List<String> ids = other == Platform.SLACK ? channels.slack() : channels.discord();
            return ids.stream().findFirst().map(id -> new Origin(other, id));
        } catch (SourceException e) {
            return Optional.empty();
        }
    }

    /** An atomic bump, so a delivery finishing meanwhile cannot swallow this change. */
    private void markDirty(Platform platform, String releaseId, Instant now) {
        String id = ChatThread.idOf(platform, releaseId);
        if (outbox.bump(id, now) == 0) {
            outbox.save(new OutboxEntry(id, releaseId, platform, 1, now, 0, null));
        }
    }
}
