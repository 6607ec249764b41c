package dev.countdown.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import dev.countdown.chat.ChatCommands;
import dev.countdown.chat.WhoCan;
import dev.countdown.release.Limits;
import dev.countdown.release.Platform;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /release} in Slack: the shared {@link ChatCommands} with Slack's identities, answered
 * ephemerally at once. The release's messages follow through the outbox; nothing here waits on Slack.
 */
final class SlackCommandHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SlackCommandHandler.class);

    private final ChatCommands commands;
    private final SlackIdentity identity;
    private final WhoCan whoCan;

    SlackCommandHandler(ChatCommands commands, SlackIdentity identity, WhoCan whoCan) {
        this.commands = commands;
        this.whoCan = whoCan;
        this.identity = identity;
    }

    /**
     * The ephemeral answer to a {@code /release} command. A Slack retry carries the same
     * trigger_id, hence the same idempotency key: it has no second effect.
     */
    String handle(SlashCommandPayload payload) {
        return handle(payload, "");
    }

    /** {@code /rollback ...} is {@code /release rollback ...}: the same verb bean answers both. */
    String handleRollback(SlashCommandPayload payload) {
        return handle(payload, "rollback ");
    }

    private String handle(SlashCommandPayload payload, String verb) {
        Optional<String> unreadable = SlackInput.first(
                SlackInput.required("channel_id", payload.getChannelId(), Limits.CHANNEL_ID),
                SlackInput.required("user_id", payload.getUserId(), Limits.USER_ID),
                SlackInput.required("trigger_id", payload.getTriggerId(), Integer.MAX_VALUE));
        if (unreadable.isPresent()) {
            LOG.warn("a signed /release command Countdown could not read: {}", unreadable.get());
            return SlackText.escape("Countdown could not read this command: " + unreadable.get() + ".");
        }
        ChatCommands.Answer answer = commands.handle(ChatCommands.Invocation.typed(Platform.SLACK, payload.getChannelId(),
                verb + Optional.ofNullable(payload.getText()).orElse(""), SlackIds.key(payload.getTriggerId()),
                manifest -> identity.actor(payload.getUserId(), payload.getUserName(), manifest)));
        return whoCan.render(answer, SlackText.MENTIONS);
    }
}
