package dev.countdown.slack;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.view.View;
import dev.countdown.chat.ActionRef;
import dev.countdown.chat.ChatClient;
import dev.countdown.chat.ChatCommands;
import dev.countdown.chat.ClickRouter;
import dev.countdown.chat.WhoCan;
import dev.countdown.release.Limits;
import dev.countdown.release.Origin;
import dev.countdown.release.Platform;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clicks on a release's messages and the note modal, decoded and handed to the {@link ClickRouter}
 * at once; what
 * must reach Slack besides the acknowledgement (an ephemeral refusal, opening the modal) is sent
 * from another thread after the ack.
 */
final class SlackActionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SlackActionHandler.class);
    static final String NOTE_BLOCK = "note";
    static final String NOTE_INPUT = "text";

    private final ClickRouter router;
    private final WhoCan whoCan;
    private final SlackIdentity identity;
    private final MethodsClient slack;
    private final ChatClient replies;
    private final ExecutorService background;

    SlackActionHandler(ClickRouter router, WhoCan whoCan, SlackIdentity identity, MethodsClient slack,
                       ChatClient replies, ExecutorService background) {
        this.router = router;
        this.whoCan = whoCan;
        this.identity = identity;
        this.slack = slack;
        this.replies = replies;
        this.background = background;
    }

    /**
     * Handles a click; returns why it could not be read, when it could not (answered HTTP 400:
     * no person reads a click's acknowledgement, and an ephemeral needs a user id that is whole).
     */
    Optional<String> blockAction(BlockActionPayload payload) {
        String channel = payload.getChannel() == null ? null : payload.getChannel().getId();
        Optional<String> unreadable = SlackInput.first(
                SlackInput.required("user.id", payload.getUser() == null ? null : payload.getUser().getId(),
                        Limits.USER_ID),
                SlackInput.required("trigger_id", payload.getTriggerId(), Integer.MAX_VALUE),
                SlackInput.optional("channel.id", channel, Limits.CHANNEL_ID));
        if (unreadable.isPresent()) {
            LOG.warn("a signed click Countdown could not read: {}", unreadable.get());
            return unreadable;
        }
        ChatClient.Recipient clicker = new ChatClient.Recipient(channel, thread(payload), payload.getUser().getId());
        String user = clicker.user();
        for (BlockActionPayload.Action action : Optional.ofNullable(payload.getActions()).orElse(List.of())) {
            Optional<ActionRef> ref = SlackIds.parse(action.getActionId());
            if (ref.isEmpty()) {
                ephemeral(clicker, "That button is from another version of Countdown.");
                continue;
            }
            String value = action.getSelectedOption() != null ? action.getSelectedOption().getValue() : action.getValue();
            // A retried click carries the same trigger_id and action_id: the same key, so one effect.
            ClickRouter.Routed routed = router.route(new ClickRouter.Click(ref.get(), value, null),
                    manifest -> identity.actor(user, displayName(payload.getUser()), manifest),
                    SlackIds.key(payload.getTriggerId(), action.getActionId()),
                    channel == null ? null : new Origin(Platform.SLACK, channel));
            switch (routed) {
                case ClickRouter.Routed.Answered a when a.worthSaying() -> ephemeral(clicker, text(a.answer()));
                case ClickRouter.Routed.NeedsNote n -> openNoteModal(payload.getTriggerId(), n.ref().releaseId(),
                        n.ref().target(), n.kind());
                default -> {
                    // Done, shown on the release's messages; or a value no Countdown menu sends.
                }
            }
        }
        return Optional.empty();
    }

    /** The note modal's submission: a failure reason or a note. Returns an error to show in the modal, if any. */
    Optional<String> viewSubmission(ViewSubmissionPayload payload) {
        Optional<String[]> meta = SlackIds.parseNoteMetadata(payload.getView().getPrivateMetadata());
        if (meta.isEmpty()) {
            return Optional.of("This form is from another version of Countdown; open it again.");
        }
        Optional<String> unreadable = SlackInput.first(
                SlackInput.required("user.id", payload.getUser() == null ? null : payload.getUser().getId(),
                        Limits.USER_ID),
                SlackInput.required("view.id", payload.getView().getId(), Integer.MAX_VALUE));
        if (unreadable.isPresent()) {
            LOG.warn("a signed form Countdown could not read: {}", unreadable.get());
            return Optional.of("Countdown could not read this form: " + unreadable.get() + ".");
        }
        String releaseId = meta.get()[0];
        String itemId = meta.get()[1];
        // Slack always sends the form's state; a signed form without it is answered, not a 500.
        Map<String, Map<String, com.slack.api.model.view.ViewState.Value>> values = Optional.ofNullable(
                payload.getView().getState()).map(com.slack.api.model.view.ViewState::getValues).orElse(Map.of());
        String note = Optional.ofNullable(values.get(NOTE_BLOCK)).map(v -> v.get(NOTE_INPUT))
                .map(com.slack.api.model.view.ViewState.Value::getValue).orElse("").strip();
        if (note.isEmpty()) {
            return Optional.of("Write what happened, so the decision can say why.");
        }
        ClickRouter.Routed routed = router.route(new ClickRouter.Click(ActionRef.item(releaseId, itemId), meta.get()[2],
                note), manifest -> identity.actor(payload.getUser().getId(), payload.getUser().getName(), manifest),
                SlackIds.key("view", payload.getView().getId(), String.valueOf(payload.getView().getHash())), null);
        return routed instanceof ClickRouter.Routed.Answered a && a.answer().refused() ? Optional.of(a.answer().text())
                : Optional.empty();
    }

    /** A refusal may name who can act, as mentions; anything else is plain text. */
    private String text(ChatCommands.Answer answer) {
        return whoCan.render(answer, SlackText.MENTIONS);
    }

    /** The answer goes where the click was: a message in a thread carries the thread's root. */
    private static Optional<String> thread(BlockActionPayload payload) {
        if (payload.getContainer() != null && payload.getContainer().getThreadTs() != null) {
            return Optional.of(payload.getContainer().getThreadTs());
        }
        return Optional.ofNullable(payload.getMessage()).map(m -> m.getThreadTs());
    }

    private void ephemeral(ChatClient.Recipient to, String text) {
        if (to.channel() == null) {
            return;
        }
        background.submit(() -> {
            try {
                replies.replyPrivately(to, text);
            } catch (Exception e) {
                // Slack does not guarantee ephemeral delivery either; the refusal is in the audit trail.
                LOG.warn("ephemeral message to {} in {} failed: {}", to.user(), to.channel(), e.toString());
            }
        });
    }

    private void openNoteModal(String triggerId, String releaseId, String itemId, String kind) {
        boolean failing = kind.equals("fail");
        View view = View.builder().type("modal").callbackId(SlackIds.NOTE_CALLBACK)
                .privateMetadata(SlackIds.noteMetadata(releaseId, itemId, kind))
                .title(viewTitle(t -> t.type("plain_text").text(failing ? "Mark as failed" : "Add a note")))
                .submit(viewSubmit(t -> t.type("plain_text").text("Save")))
                .blocks(List.of(input(b -> b.blockId(NOTE_BLOCK).label(plainText(failing ? "What failed?" : "Note"))
                        .element(plainTextInput(e -> e.actionId(NOTE_INPUT).multiline(true).maxLength(Limits.TEXT))))))
                .build();
        background.submit(() -> {
            try {
                slack.viewsOpen(r -> r.triggerId(triggerId).view(view));
            } catch (Exception e) {
                LOG.warn("opening the note form failed: {}", e.toString());
            }
        });
    }

    private static String displayName(BlockActionPayload.User user) {
        return user.getName() != null ? user.getName() : user.getUsername();
    }
}
