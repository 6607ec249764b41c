package dev.countdown.discord;

import dev.countdown.chat.ChatCommands;
import dev.countdown.manifest.ReleaseManifest;
import dev.countdown.release.ManifestRegistry;
import dev.countdown.release.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * {@code /release} and {@code /rollback} as Discord slash commands with typed options, and the
 * way back: a command's sub-command and options become the same {@link ChatCommands.Invocation}
 * Slack's text produces, so every verb is the shared bean's.
 */
final class DiscordSlashCommands {

    static final String RELEASE = "release";
    static final String ROLLBACK = "rollback";

    private final ManifestRegistry registry;

    DiscordSlashCommands(ManifestRegistry registry) {
        this.registry = registry;
    }

    /** What is registered in each guild at start. */
    static List<CommandData> definitions() {
        return List.of(
                Commands.slash(RELEASE, "Run this channel's release GO/NO-GO").addSubcommands(
                        new SubcommandData("start", "Open a release and its thread")
                                .addOption(OptionType.STRING, "version", "The version to release, e.g. v1.2.0", true)
                                .addOption(OptionType.STRING, "service", "The service, when the channel serves several",
                                        false, true),
                        new SubcommandData("status", "Where the channel's release stands"),
                        new SubcommandData("probe", "Run the release's probes and keep their evidence")
                                .addOption(OptionType.STRING, "name", "One probe; all of them when left out", false),
                        new SubcommandData("decide", "Poll the current gate: GO or NO-GO by the policy")
                                .addOption(OptionType.BOOLEAN, "override", "Ask for a GO the policy alone refuses", false),
                        new SubcommandData("cancel", "Cancel the release")
                                .addOption(OptionType.STRING, "reason", "Why", false),
                        new SubcommandData("reopen", "Reopen a NO-GO for its next round")
                                .addOption(OptionType.STRING, "reason", "What changed", false),
                        // the same as /rollback, so that what /release help lists works as it reads
                        new SubcommandData(ROLLBACK, "Open a rollback ceremony (the same as /rollback)")
                                .addOption(OptionType.STRING, "service", "The service", false, true)
                                .addOption(OptionType.STRING, "version", "The version to roll back", false),
                        new SubcommandData("help", "What Countdown can do here")),
                Commands.slash(ROLLBACK, "Open a rollback ceremony")
                        .addOption(OptionType.STRING, "service", "The service", false, true)
                        .addOption(OptionType.STRING, "version", "The version to roll back", false));
    }

    /**
     * The verb and arguments the typed options stand for; {@code /rollback service version} is
     * {@code /release rollback service version}, as Slack's {@code /rollback} text is.
     */
    static ChatCommands.Invocation invocation(SlashCommandInteractionEvent event, String key) {
        String verb = event.getName().equals(ROLLBACK) ? ROLLBACK
                : event.getSubcommandName() == null ? "" : event.getSubcommandName();
        List<String> args = new ArrayList<>();
        switch (verb) {
            case ROLLBACK -> {
                string(event, "service").ifPresent(args::add);
                string(event, "version").ifPresent(args::add);
            }
            case "start" -> {
                string(event, "service").ifPresent(args::add);
                string(event, "version").ifPresent(args::add);
            }
            case "probe" -> string(event, "name").ifPresent(args::add);
            case "decide" -> {
                OptionMapping override = event.getOption("override");
                if (override != null && override.getAsBoolean()) {
                    args.add("override");
                }
            }
            case "cancel", "reopen" -> string(event, "reason").ifPresent(args::add);
            case "help" -> verb = "";
            default -> {
            }
        }
        return new ChatCommands.Invocation(Platform.DISCORD, channelOf(event.getGuildChannel()), verb, args, key,
                manifest -> DiscordIdentity.actor(event.getUser(), event.getMember(), manifest));
    }

    /** Service names of the manifests naming the channel, those starting with what was typed first. */
    List<Command.Choice> services(CommandAutoCompleteInteractionEvent event) {
        String typed = event.getFocusedOption().getValue().toLowerCase(Locale.ROOT);
        String channel = event.getChannel() == null ? "" : channelOf(event.getGuildChannel());
        return registry.inChannel(Platform.DISCORD, channel).stream().map(ReleaseManifest::service)
                .filter(s -> s.contains(typed)).sorted((a, b) -> Boolean.compare(!a.startsWith(typed), !b.startsWith(typed)))
                .limit(25).map(s -> new Command.Choice(s, s)).toList();
    }

    /** A command typed in a release's thread is about the channel the thread hangs in. */
    static String channelOf(GuildChannel channel) {
        if (channel.getType().isThread() && channel instanceof ThreadChannel thread) {
            return thread.getParentChannel().getId();
        }
        return channel.getId();
    }

    private static java.util.Optional<String> string(SlashCommandInteractionEvent event, String name) {
        OptionMapping option = event.getOption(name);
        return option == null || option.getAsString().isBlank() ? java.util.Optional.empty()
                : java.util.Optional.of(option.getAsString().strip());
    }
}
