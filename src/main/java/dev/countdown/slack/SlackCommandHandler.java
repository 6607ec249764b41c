package dev.countdown.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import dev.countdown.chat.ChatCommands;

/**
 * {@code /release} in Slack: the shared {@link ChatCommands} with Slack's identities, answered
 * ephemerally at once. The release's messages follow through the outbox; nothing here waits on Slack.
 */
final class SlackCommandHandler {

    private final ChatCommands commands;
    private final SlackIdentity identity;

    SlackCommandHandler(ChatCommands commands, SlackIdentity identity) {
        this.commands = commands;
        this.identity = identity;
    }

    /** The ephemeral answer to a {@code /release} command. */
    String handle(SlashCommandPayload payload) {
        ChatCommands.Answer answer = commands.handle(new ChatCommands.Invocation("slack", payload.getChannelId(),
                payload.getText(), "slack:" + payload.getTriggerId(),
                manifest -> identity.actor(payload.getUserId(), payload.getUserName(), manifest)));
        return answer.refused() ? SlackText.mentions(answer.text()) : SlackText.escape(answer.text());
    }
}
