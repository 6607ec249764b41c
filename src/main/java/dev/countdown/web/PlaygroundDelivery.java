package dev.countdown.web;

import dev.countdown.chat.ChatDelivery;
import dev.countdown.chat.ChatThread;
import dev.countdown.release.LoadedRelease;
import jakarta.inject.Singleton;

/** The playground renders a release's state whenever its page is drawn, so it has nothing to deliver. */
@Singleton
class PlaygroundDelivery implements ChatDelivery {

    static final String PLATFORM = "playground";

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public Result deliver(ChatThread thread, LoadedRelease release) {
        return new Result.Done();
    }
}
