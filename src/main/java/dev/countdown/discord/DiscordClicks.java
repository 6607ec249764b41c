package dev.countdown.discord;

import dev.countdown.chat.ActionRef;
import dev.countdown.chat.ChatClient;
import dev.countdown.chat.ChatCommands;
import dev.countdown.chat.ClickRouter;
import dev.countdown.chat.WhoCan;
import dev.countdown.release.ItemState;
import dev.countdown.release.Limits;
import dev.countdown.release.Origin;
import dev.countdown.release.Platform;
import java.util.Optional;
import java.util.concurrent.Executor;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;

/**
 * Clicks on a release's messages, the item select and the item form. A button is acknowledged on
 * JDA's event thread with a deferred update (its message is edited through the outbox), then
 * routed on a worker; what is
 * worth saying, a refusal naming the owners above all, follows as an ephemeral message. The
 * select answers with the form, which must be the first answer.
 */
final class DiscordClicks {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DiscordClicks.class);

    private final ClickRouter router;
    private final WhoCan whoCan;
    private final ChatClient replies;
    private final Executor work;

    /** {@code work} runs what follows the acknowledgement, off JDA's event thread. */
    DiscordClicks(ClickRouter router, WhoCan whoCan, ChatClient replies, Executor work) {
        this.router = router;
        this.whoCan = whoCan;
        this.replies = replies;
        this.work = work;
    }

    void button(ButtonInteractionEvent event) {
        Optional<DiscordIds.Parsed> parsed = DiscordIds.parse(event.getComponentId());
        if (parsed.isEmpty()) {
            event.reply("That button is from another version of Countdown.").setEphemeral(true).queue();
            return;
        }
        event.deferEdit().queue();
        ChatClient.Recipient clicker = new ChatClient.Recipient(event.getChannelId(), Optional.empty(),
                event.getUser().getId(), Optional.of(event.getToken()));
        later(() -> say(clicker, router.route(new ClickRouter.Click(parsed.get().ref(),
                parsed.get().value(), null), manifest -> DiscordIdentity.actor(event.getUser(), event.getMember(),
                manifest), "discord:" + event.getId(), origin(event.getGuildChannel()))));
    }

    /** An item chosen in a section's select: its form, to set a state other than pass and say why. */
    void select(StringSelectInteractionEvent event) {
        Optional<ActionRef> ref = event.getValues().stream().findFirst().flatMap(ActionRef::decode)
                .filter(r -> r.verb() == ActionRef.Verb.ITEM);
        if (ref.isEmpty()) {
            event.reply("That menu is from another version of Countdown.").setEphemeral(true).queue();
            return;
        }
        // The option's label, when the message the menu came with still offers it (fuzz/DiscordPayloadFuzzTest
        // found a value without its option, which ended the interaction unanswered); else the item's id.
        String label = event.getSelectedOptions().stream().findFirst()
                .map(net.dv8tion.jda.api.components.selections.SelectOption::getLabel).orElse(ref.get().target())
                .strip();
        if (label.isEmpty()) {
            // A form's title may not be blank; the item is checked when the form comes back.
            label = "Item";
        }
        StringSelectMenu state = StringSelectMenu.create(DiscordIds.FORM_STATE)
                .addOption("Failed", ItemState.FAIL.label())
                .addOption("Not applicable", ItemState.NA.label())
                .addOption("Blocked", ItemState.BLOCKED.label())
                .addOption("Only add a note", "note")
                .setDefaultValues(ItemState.FAIL.label()).build();
        TextInput note = TextInput.create(DiscordIds.FORM_NOTE, TextInputStyle.PARAGRAPH).setRequired(false)
                .setMaxLength(Math.min(Limits.TEXT, 4_000)).build();
        Modal form = Modal.create(DiscordIds.FORM + ref.get().encodeWithin(DiscordIds.MAX - DiscordIds.FORM.length()),
                DiscordText.limit(label, 45))
                .addComponents(Label.of("State", state), Label.of("Why (a failure needs a reason)", note)).build();
        event.replyModal(form).queue();
    }

    /** The item form: a state and a note, as the click the form stands for. */
    void form(ModalInteractionEvent event) {
        Optional<ActionRef> ref = Optional.of(event.getModalId()).filter(id -> id.startsWith(DiscordIds.FORM))
                .flatMap(id -> ActionRef.decode(id.substring(DiscordIds.FORM.length())));
        if (ref.isEmpty()) {
            event.reply("This form is from another version of Countdown; open it again.").setEphemeral(true).queue();
            return;
        }
        String state = Optional.ofNullable(event.getValue(DiscordIds.FORM_STATE)).map(ModalMapping::getAsStringList)
                .flatMap(values -> values.stream().findFirst()).orElse(ItemState.FAIL.label());
        String note = Optional.ofNullable(event.getValue(DiscordIds.FORM_NOTE)).map(ModalMapping::getAsString)
                .orElse("").strip();
        if (note.isEmpty() && (state.equals(ItemState.FAIL.label()) || state.equals("note"))) {
            event.reply("Write what happened, so the decision can say why.").setEphemeral(true).queue();
            return;
        }
        event.deferReply(true).queue();
        later(() -> {
            ClickRouter.Routed routed = router.route(new ClickRouter.Click(ref.get(), state, note),
                    manifest -> DiscordIdentity.actor(event.getUser(), event.getMember(), manifest),
                    "discord:" + event.getId(), origin(event.getGuildChannel()));
            String text = switch (routed) {
                case ClickRouter.Routed.Answered a -> a.worthSaying() ? render(a.answer()) : "Saved.";
                case ClickRouter.Routed.Unreadable u -> u.why();
                case ClickRouter.Routed.NeedsNote n -> "Write what happened, so the decision can say why.";
            };
            event.getHook().editOriginal(text).queue();
        });
    }

    private void later(Runnable task) {
        work.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("a Discord click failed after its acknowledgement: {}", e.toString(), e);
            }
        });
    }

    private void say(ChatClient.Recipient clicker, ClickRouter.Routed routed) {
        String text = switch (routed) {
            case ClickRouter.Routed.Answered a when a.worthSaying() -> render(a.answer());
            case ClickRouter.Routed.Unreadable u -> u.why();
            // A button never asks for a note: a failure and a note go through the item's form.
            default -> null;
        };
        if (text != null) {
            try {
                replies.replyPrivately(clicker, text);
            } catch (ChatClient.Fault fault) {
                // Discord does not keep an ephemeral answer either; the refusal is in the audit trail.
                LOG.warn("a private answer to {} failed: {}", clicker.user(), fault.getMessage());
            }
        }
    }

    private String render(ChatCommands.Answer answer) {
        return DiscordText.limit(whoCan.render(answer, DiscordText.MENTIONS), 2_000);
    }

    private static Origin origin(net.dv8tion.jda.api.entities.channel.middleman.GuildChannel channel) {
        return new Origin(Platform.DISCORD, DiscordSlashCommands.channelOf(channel));
    }
}
