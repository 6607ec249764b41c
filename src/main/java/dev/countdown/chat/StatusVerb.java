package dev.countdown.chat;

import dev.countdown.release.LoadedRelease;
import jakarta.inject.Singleton;

/** {@code /release status}: where the channel's release stands, in one line. */
@Singleton
class StatusVerb implements ChatVerb {

    private final ChannelReleases channels;

    StatusVerb(ChannelReleases channels) {
        this.channels = channels;
    }

    @Override
    public String name() {
        return "status";
    }

    @Override
    public String help() {
        return "status: shows where the current release stands";
    }

    @Override
    public int getOrder() {
        return 20;
    }

    @Override
    public ChatCommands.Answer handle(ChatCommands.Invocation inv) {
        return channels.current(inv).map(r -> ChatCommands.Answer.info(status(r))).orElse(ChannelReleases.noRelease());
    }

    private static String status(LoadedRelease loaded) {
        ReleaseView v = ReleaseViews.of(loaded);
        return v.service() + " " + v.version() + " is " + v.state() + (v.open() ? ", now at " + v.phase() : "")
                + ": items " + v.counters().settled() + "/" + v.counters().items() + " passed, " + v.counters().failed()
                + " failed, approvals " + v.counters().rolesApproved() + "/" + v.counters().rolesRequired() + ".";
    }
}
