package dev.countdown.chat;

import dev.countdown.release.Command;
import jakarta.inject.Singleton;

/** {@code /release reopen [note]}: on the channel's current release. */
@Singleton
class ReopenVerb implements ChatVerb {

    private final ChannelReleases channels;

    ReopenVerb(ChannelReleases channels) {
        this.channels = channels;
    }

    @Override
    public String name() {
        return "reopen";
    }

    @Override
    public String help() {
        return "reopen [note]: reopens it after a NO-GO";
    }

    @Override
    public int getOrder() {
        return 50;
    }

    @Override
    public ChatCommands.Answer handle(ChatCommands.Invocation inv) {
        return channels.onCurrent(inv, id -> new Command.Reopen(id, inv.rest()));
    }
}
