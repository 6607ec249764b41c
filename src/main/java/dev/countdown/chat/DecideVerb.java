package dev.countdown.chat;

import dev.countdown.release.Command;
import jakarta.inject.Singleton;

/** {@code /release decide [override]}: on the channel's current release. */
@Singleton
class DecideVerb implements ChatVerb {

    private final ChannelReleases channels;

    DecideVerb(ChannelReleases channels) {
        this.channels = channels;
    }

    @Override
    public String name() {
        return "decide";
    }

    @Override
    public String help() {
        return "decide [override]: polls the current gate, or the release";
    }

    @Override
    public int getOrder() {
        return 30;
    }

    @Override
    public ChatCommands.Answer handle(ChatCommands.Invocation inv) {
        return channels.onCurrent(inv, id -> new Command.Decide(id, inv.rest().equals("override"), ""));
    }
}
