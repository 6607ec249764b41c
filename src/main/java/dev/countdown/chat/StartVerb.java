package dev.countdown.chat;

import dev.countdown.manifest.ReleaseManifest;
import dev.countdown.release.Command;
import dev.countdown.release.ManifestRegistry;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/** {@code /release start [service] <version>}: the service may be left out when the channel serves one. */
@Singleton
class StartVerb implements ChatVerb {

    private final ManifestRegistry registry;
    private final ChannelReleases channels;
    /** A provider: the dispatcher holds every verb, this one too. */
    private final Provider<ChatCommands> commands;

    StartVerb(ManifestRegistry registry, ChannelReleases channels, Provider<ChatCommands> commands) {
        this.registry = registry;
        this.channels = channels;
        this.commands = commands;
    }

    @Override
    public String name() {
        return "start";
    }

    @Override
    public String help() {
        return "start [service] <version>: opens a release and its thread";
    }

    @Override
    public int getOrder() {
        return 10;
    }

    @Override
    public ChatCommands.Answer handle(ChatCommands.Invocation inv) {
        List<String> args = inv.args();
        List<ReleaseManifest> services = registry.inChannel(inv.platform(), inv.channelId());
        if (services.isEmpty()) {
            return ChatCommands.Answer.info("No release manifest names this channel (" + inv.channelId() + "). Add its "
                    + "id under channels." + inv.platform().channelsOf().label() + " in a manifest in manifests/.");
        }
        String names = String.join(", ", services.stream().map(ReleaseManifest::service).toList());
        if (args.isEmpty() || args.size() > 2) {
            return ChatCommands.Answer.info("Which version? /release start v1.2.0" + (services.size() > 1
                    ? " or /release start <service> v1.2.0 (" + names + ")" : "") + "\n\n" + commands.get().help());
        }
        Optional<ReleaseManifest> manifest = args.size() == 2
                ? services.stream().filter(m -> m.service().equals(args.get(0))).findFirst()
                : services.size() == 1 ? Optional.of(services.getFirst()) : Optional.empty();
        if (manifest.isEmpty()) {
            return ChatCommands.Answer.info("Name the service: this channel serves " + names
                    + ". /release start <service> <version>");
        }
        ChatCommands.Answer answer = channels.handle(new Command.Start(manifest.get().service(), args.getLast()),
                inv.actorFor().apply(manifest.get()), inv);
        // A refused start has no release to find the manifest by: it travels with the answer.
        return new ChatCommands.Answer(answer.text(), answer.refused(), answer.refusal(), manifest);
    }
}
