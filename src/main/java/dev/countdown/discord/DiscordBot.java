package dev.countdown.discord;

import dev.countdown.chat.ChatCommands;
import dev.countdown.chat.WhoCan;
import java.util.concurrent.ExecutorService;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Discord sends the bot: a guild coming up gets the slash commands; a command is deferred at
 * on JDA's event thread (ephemerally) and answered when the shared verb has run; clicks and forms
 * go to {@link DiscordClicks}, which acknowledge them the same way. The work runs off the event
 * thread, so one slow database call holds up no other interaction's three seconds.
 */
final class DiscordBot extends ListenerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordBot.class);

    private final ChatCommands commands;
    private final WhoCan whoCan;
    private final DiscordSlashCommands slash;
    private final DiscordClicks clicks;
    private final ExecutorService work;
    private final String onlyGuild;

    DiscordBot(ChatCommands commands, WhoCan whoCan, DiscordSlashCommands slash, DiscordClicks clicks,
               ExecutorService work, String onlyGuild) {
        this.commands = commands;
        this.whoCan = whoCan;
        this.slash = slash;
        this.clicks = clicks;
        this.work = work;
        this.onlyGuild = onlyGuild;
    }

    @Override
    public void onGuildReady(GuildReadyEvent event) {
        if (!onlyGuild.isEmpty() && !onlyGuild.equals(event.getGuild().getId())) {
            return;
        }
        event.getGuild().updateCommands().addCommands(DiscordSlashCommands.definitions()).queue(
                done -> LOG.info("Discord commands registered in guild {}", event.getGuild().getId()),
                failure -> LOG.warn("registering Discord commands in guild {} failed: {}", event.getGuild().getId(),
                        failure.toString()));
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        boolean ours = event.getName().equals(DiscordSlashCommands.RELEASE)
                || event.getName().equals(DiscordSlashCommands.ROLLBACK);
        if (!ours || !event.isFromGuild()) {
            event.reply("Countdown answers /release and /rollback in a server's channels.").setEphemeral(true).queue();
            return;
        }
        event.deferReply(true).queue();
        run(() -> {
            String text;
            try {
                // The interaction id is the idempotency key: Discord sends each command once.
                ChatCommands.Answer answer = commands.handle(DiscordSlashCommands.invocation(event,
                        "discord:" + event.getId()));
                text = whoCan.render(answer, DiscordText.MENTIONS);
            } catch (IllegalArgumentException e) {
                // input the core refuses (a name or id beyond its limits): said, not left "thinking…"
                text = DiscordText.escape("Countdown could not do that: " + e.getMessage());
            }
            event.getHook().editOriginal(DiscordText.limit(text, 2_000)).queue();
        });
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        if (event.getFocusedOption().getName().equals("service")) {
            event.replyChoices(slash.services(event)).queue();
        } else {
            event.replyChoices().queue();
        }
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        clicks.button(event);
    }

    @Override
    public void onStringSelectInteraction(StringSelectInteractionEvent event) {
        clicks.select(event);
    }

    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        clicks.form(event);
    }

    private void run(Runnable task) {
        work.submit(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("a Discord interaction failed: {}", e.toString(), e);
            }
        });
    }
}
