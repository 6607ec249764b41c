package dev.countdown.web;

import dev.countdown.chat.ChatDelivery;
import dev.countdown.chat.ChatThread;
import dev.countdown.release.LoadedRelease;
import dev.countdown.release.Platform;
import jakarta.inject.Singleton;

/** The playground renders a release's state whenever its page is drawn, so it has nothing to deliver. */
@Singleton
class PlaygroundDelivery implements ChatDelivery {

    @Override
    public Platform platform() {
        return Platform.PLAYGROUND;
    }

    @Override
    public Result deliver(ChatThread thread, LoadedRelease release) {
        return new Result.Done();
    }
}
