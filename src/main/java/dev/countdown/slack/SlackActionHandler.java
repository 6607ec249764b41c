package dev.countdown.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.methods.MethodsClient;
import dev.countdown.chat.ChatCommands;
import dev.countdown.chat.ProbeRuns;
import dev.countdown.release.Actor;
import dev.countdown.release.Command;
import dev.countdown.release.CommandRequest;
import dev.countdown.release.CommandResult;
import dev.countdown.release.ItemState;
import dev.countdown.release.Limits;
import dev.countdown.release.LoadedRelease;
import dev.countdown.release.Origin;
import dev.countdown.release.Platform;
import dev.countdown.release.ReleaseService;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clicks on a release's messages and the note modal. Each click becomes a command at once; what
 * must reach Slack besides the acknowledgement (an ephemeral refusal, opening the modal) is sent
 * from another thread after the ack.
 */
final class SlackActionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SlackActionHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String NOTE_BLOCK = "note";
    static final String NOTE_INPUT = "text";

    private final ReleaseService releases;
    private final SlackIdentity identity;
    private final MethodsClient slack;
    private final ProbeRuns probes;
    private final ExecutorService background;

    SlackActionHandler(ReleaseService releases, SlackIdentity identity, MethodsClient slack, ProbeRuns probes,
                       ExecutorService background) {
        this.releases = releases;
        this.identity = identity;
        this.slack = slack;
        this.probes = probes;
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
        for (BlockActionPayload.Action action : Optional.ofNullable(payload.getActions()).orElse(List.of())) {
            Optional<SlackIds.Action> parsed = SlackIds.parse(action.getActionId());
            Optional<LoadedRelease> release = parsed.flatMap(a -> releases.find(a.releaseId()));
            if (release.isEmpty()) {
                ephemeral(channel, payload.getUser().getId(), "That release is no longer here.");
                continue;
            }
            SlackIds.Action a = parsed.get();
            Actor actor = identity.actor(payload.getUser().getId(), displayName(payload.getUser()),
                    release.get().definition().manifest());
            // A retried click carries the same trigger_id and action_id: the same key, so one effect.
            String key = SlackIds.key(payload.getTriggerId(), action.getActionId());
            switch (a.verb()) {
                case "item" -> item(payload, a, action, actor, key, channel);
                case "probe" -> ephemeral(channel, actor.userId(), probeAnswer(probes.start(a.releaseId(),
                        a.target().equals(SlackIds.ALL_PROBES) ? List.of() : List.of(a.target()), actor, key,
                        channel == null ? null : new Origin(Platform.SLACK, channel))));
                case "approve", "reject" -> respond(channel, actor, handle(
                        new Command.CastVote(a.releaseId(), a.target(), a.verb().equals("approve"), ""), actor, key, channel));
                case "decide", "override" -> decide(release.get(), a, actor, key, channel);
                case "cancel" -> respond(channel, actor, handle(new Command.Cancel(a.releaseId(), ""), actor, key, channel));
                default -> ephemeral(channel, actor.userId(), "That button is from another version of Countdown.");
            }
        }
        return Optional.empty();
    }

    private void item(BlockActionPayload payload, SlackIds.Action a, BlockActionPayload.Action action, Actor actor,
                      String key, String channel) {
        String choice = action.getSelectedOption() != null ? action.getSelectedOption().getValue() : action.getValue();
        if (choice == null) {
            return;
        }
        if (choice.equals("fail") || choice.equals("note")) {
            openNoteModal(payload.getTriggerId(), a.releaseId(), a.target(), choice);
            return;
        }
        ItemState state;
        try {
            state = ItemState.parse(choice);
        } catch (IllegalArgumentException e) {
            return;
        }
        respond(channel, actor, handle(new Command.SetItem(a.releaseId(), a.target(), state, ""), actor, key, channel));
    }

    /** A decide button decides the phase it was shown for, and no later one: the message may lag behind. */
    private void decide(LoadedRelease release, SlackIds.Action a, Actor actor, String key, String channel) {
        String now = release.definition().phase(release.release().phase()).label();
        if (!SlackIds.phaseToken(now).equals(a.target())) {
            ephemeral(channel, actor.userId(), "That button was for a gate already decided; the release is now at "
                    + SlackText.escape(now) + ".");
            return;
        }
        CommandResult result = handle(new Command.Decide(a.releaseId(), a.verb().equals("override"), ""), actor, key,
                channel);
        respond(channel, actor, result);
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
        Map<String, Map<String, com.slack.api.model.view.ViewState.Value>> values = payload.getView().getState().getValues();
        String note = Optional.ofNullable(values.get(NOTE_BLOCK)).map(v -> v.get(NOTE_INPUT))
                .map(com.slack.api.model.view.ViewState.Value::getValue).orElse("").strip();
        if (note.isEmpty()) {
            return Optional.of("Write what happened, so the decision can say why.");
        }
        Optional<LoadedRelease> release = releases.find(releaseId);
        if (release.isEmpty()) {
            return Optional.of("That release is no longer here.");
        }
        Actor actor = identity.actor(payload.getUser().getId(), payload.getUser().getName(),
                release.get().definition().manifest());
        Command command = meta.get()[2].equals("fail") ? new Command.SetItem(releaseId, itemId, ItemState.FAIL, note)
                : new Command.AddNote(releaseId, itemId, note);
        CommandResult result = releases.handle(new CommandRequest(command, actor, SlackIds.key("view",
                payload.getView().getId(), String.valueOf(payload.getView().getHash())), null));
        return result instanceof CommandResult.Refused r ? Optional.of(r.message()) : Optional.empty();
    }

    private static String probeAnswer(ChatCommands.Answer answer) {
        return answer.refused() ? SlackText.mentions(answer.text()) : SlackText.escape(answer.text());
    }

    private CommandResult handle(Command command, Actor actor, String key, String channel) {
        return releases.handle(new CommandRequest(command, actor, key, channel == null ? null : new Origin(Platform.SLACK, channel)));
    }

    private void respond(String channel, Actor actor, CommandResult result) {
        if (result instanceof CommandResult.Refused refused) {
            ephemeral(channel, actor.userId(), SlackText.mentions(refused.message()));
        }
    }

    private void ephemeral(String channel, String user, String text) {
        if (channel == null) {
            return;
        }
        background.submit(() -> {
            try {
                slack.chatPostEphemeral(r -> r.channel(channel).user(user).text(text));
            } catch (Exception e) {
                // Slack does not guarantee ephemeral delivery either; the refusal is in the audit trail.
                LOG.warn("ephemeral message to {} in {} failed: {}", user, channel, e.toString());
            }
        });
    }

    private void openNoteModal(String triggerId, String releaseId, String itemId, String kind) {
        ObjectNode view = JSON.createObjectNode().put("type", "modal").put("callback_id", SlackIds.NOTE_CALLBACK)
                .put("private_metadata", SlackIds.noteMetadata(releaseId, itemId, kind));
        view.putObject("title").put("type", "plain_text").put("text", kind.equals("fail") ? "Mark as failed" : "Add a note");
        view.putObject("submit").put("type", "plain_text").put("text", "Save");
        ObjectNode input = view.putArray("blocks").addObject().put("type", "input").put("block_id", NOTE_BLOCK);
        input.putObject("label").put("type", "plain_text").put("text", kind.equals("fail") ? "What failed?" : "Note");
        input.putObject("element").put("type", "plain_text_input").put("action_id", NOTE_INPUT)
                .put("multiline", true).put("max_length", Limits.TEXT);
        background.submit(() -> {
            try {
                slack.viewsOpen(r -> r.triggerId(triggerId).viewAsString(view.toString()));
            } catch (Exception e) {
                LOG.warn("opening the note form failed: {}", e.toString());
            }
        });
    }

    private static String displayName(BlockActionPayload.User user) {
        return user.getName() != null ? user.getName() : user.getUsername();
    }
}
