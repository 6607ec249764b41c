package dev.countdown.chat;

import dev.countdown.release.Actor;
import dev.countdown.release.Command;
import dev.countdown.release.CommandRequest;
import dev.countdown.release.LoadedRelease;
import dev.countdown.release.Origin;
import dev.countdown.release.Platform;
import dev.countdown.release.ReleaseService;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.function.Function;

/** The release a channel is about (the one most recently started there), for the verbs that act on it. */
@Singleton
public class ChannelReleases {

    private final ReleaseService releases;
    private final ChatRepositories.Threads threads;

    ChannelReleases(ReleaseService releases, ChatRepositories.Threads threads) {
        this.releases = releases;
        this.threads = threads;
    }

    public Optional<LoadedRelease> current(Platform platform, String channelId) {
        return threads.findFirstByPlatformAndChannelIdOrderByCreatedAtDesc(platform, channelId)
                .map(ChatThread::releaseId).flatMap(releases::find);
    }

    Optional<LoadedRelease> current(ChatCommands.Invocation inv) {
        return current(inv.platform(), inv.channelId());
    }

    /** Runs the command made for the channel's release, as the one who typed it. */
    ChatCommands.Answer onCurrent(ChatCommands.Invocation inv, Function<String, Command> command) {
        Optional<LoadedRelease> current = current(inv);
        if (current.isEmpty()) {
            return noRelease();
        }
        Actor actor = inv.actorFor().apply(current.get().definition().manifest());
        return handle(command.apply(current.get().release().id()), actor, inv);
    }

    ChatCommands.Answer handle(Command command, Actor actor, ChatCommands.Invocation inv) {
        return ChatCommands.answer(releases.handle(new CommandRequest(command, actor, inv.idempotencyKey(),
                new Origin(inv.platform(), inv.channelId()))));
    }

    static ChatCommands.Answer noRelease() {
        return ChatCommands.Answer.info("No release has been started in this channel. /release start <version> opens one.");
    }
}
