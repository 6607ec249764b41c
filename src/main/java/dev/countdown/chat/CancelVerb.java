package dev.countdown.chat;

import dev.countdown.release.Command;
import jakarta.inject.Singleton;

/** {@code /release cancel [reason]}: on the channel's current release. */
@Singleton
class CancelVerb implements ChatVerb {

    private final ChannelReleases channels;

    CancelVerb(ChannelReleases channels) {
        this.channels = channels;
    }

    @Override
    public String name() {
        return "cancel";
    }

    @Override
    public String help() {
        return "cancel [reason]: cancels the current release";
    }

    @Override
    public int getOrder() {
        return 40;
    }

    @Override
    public ChatCommands.Answer handle(ChatCommands.Invocation inv) {
        return channels.onCurrent(inv, id -> new Command.Cancel(id, inv.rest()));
    }
}
