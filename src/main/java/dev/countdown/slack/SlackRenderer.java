package dev.countdown.slack;

import dev.countdown.chat.ChatClient;
import dev.countdown.chat.MessageLimits;
import dev.countdown.chat.ReleaseView;
import dev.countdown.chat.ThreadLayout;
import dev.countdown.chat.ThreadRenderer;

/** Slack's look for a release's thread: Block Kit, within Slack's message limits. */
final class SlackRenderer implements ThreadRenderer {

    @Override
    public MessageLimits limits() {
        return SlackBlocks.LIMITS;
    }

    @Override
    public ChatClient.Outgoing render(ReleaseView view, ThreadLayout.Part part) {
        return SlackBlocks.render(view, part);
    }
}
